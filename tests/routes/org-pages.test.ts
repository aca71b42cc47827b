import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { callRoute, createSites, createUser, uniq } from '../helpers/accounts';
import { addChild, buildWorld, cookieFor, publishedWish } from '../helpers/wish-fixtures';
import * as orgRoute from '../../app/routes/org._index';
import * as orgProfileRoute from '../../app/routes/org.profile';

// /org: what an organization gave per year, and what a new one still has to do.
const { db } = useTestDatabase('org-pages');
const run = (query: string, ...args: unknown[]) => db.$client.prepare(query).run(...args);

describe('/org giving by year', () => {
  it('counts the confirmed claims of the organization by the Shanghai year of confirmation, with the value received', async () => {
    const now = Date.now();
    const world = buildWorld(db, now);
    const childId = addChild(db, { siteId: world.sites.gch });
    const wish = () => publishedWish(db, { childId, author: world.users.staffLt, reviewer: world.users.staffLt2 }, now);
    const claim = (wishId: string, orgId: string | null, status: string, confirmedAt: number | null, valueFen: number | null) =>
      run(
        `insert into claims (id, wish_id, claimant_user_id, org_id, status, confirmed_at, value_received_fen, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        uniq('cl'),
        wishId,
        world.users.memberA,
        orgId,
        status,
        confirmedAt,
        valueFen,
        now,
        now,
      );
    const { orgA, orgB } = world.orgs;
    claim(wish(), orgA, 'confirmed', Date.parse('2024-06-01T10:00:00+08:00'), 12000);
    // 2024-12-31 17:30 UTC is already 2025 in Shanghai.
    claim(wish(), orgA, 'confirmed', Date.parse('2024-12-31T17:30:00Z'), 8050);
    claim(wish(), orgA, 'confirmed', Date.parse('2025-03-02T09:00:00+08:00'), 20000);
    // Not counted: another organization's gift, a personal one, and a claim not confirmed yet.
    claim(wish(), orgB, 'confirmed', Date.parse('2025-03-02T09:00:00+08:00'), 99900);
    claim(wish(), null, 'confirmed', Date.parse('2025-03-02T09:00:00+08:00'), 99900);
    claim(wish(), orgA, 'delivered', null, null);

    const page = await callRoute(orgRoute.loader, { url: `/org?org=${orgA}`, cookie: cookieFor(db, world.users.memberA) });
    expect(page.status).toBe(200);
    expect(page.data.page.giving).toEqual([
      { year: 2025, wishes: 2, valueFen: 28050 },
      { year: 2024, wishes: 1, valueFen: 12000 },
    ]);
  });
});

describe('/org for a newly signed-up organization', () => {
  it('lists what is left: verify the email, complete the contact details, then wait', async () => {
    const sites = createSites(db);
    const manager = await createUser(db, { org: { status: 'pending', countySiteId: null }, verified: false });
    const steps = async () => (await callRoute(orgRoute.loader, { url: '/org', cookie: manager.cookie() })).data.page.pendingSteps;
    expect(await steps()).toEqual(['verify_email', 'complete_profile']);
    run('update users set email_verified_at = ? where id = ?', Date.now(), manager.id);
    expect(await steps()).toEqual(['complete_profile']);
    const saved = await callRoute(orgProfileRoute.action, {
      url: '/org/profile',
      cookie: manager.cookie(),
      form: { orgId: manager.orgId!, name: '爱心企业', kind: 'company', contactName: '王经理', contactPhone: '13900000000', countySiteId: sites.lt },
    });
    expect(saved.location).toBe(`/org?org=${manager.orgId}&done=profile`);
    expect(await steps()).toEqual(['wait']);
    run("update organizations set status = 'approved' where id = ?", manager.orgId);
    expect(await steps()).toEqual([]);
  });
});
