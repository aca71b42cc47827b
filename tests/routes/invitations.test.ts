import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { withLinks } from '../helpers/mail';
import { callRoute, createSites, createUser, uniq } from '../helpers/accounts';
import * as orgMembersRoute from '../../app/routes/org.members';
import * as inviteRoute from '../../app/routes/invite.$token';
import * as staffAdminRoute from '../../app/routes/admin.staff';

// Inviting the same person twice (the first mail got lost): one open invitation, the newest link.
const { db } = useTestDatabase('invitations');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];

describe('inviting a colleague again', () => {
  it('keeps one open invitation per address, and only the newest link works', async () => {
    const manager = await createUser(db, { org: { status: 'approved' } });
    const email = `${uniq('colleague')}@example.org`;
    const invite = () => callRoute(orgMembersRoute.action, { url: '/org/members', cookie: manager.cookie(), form: { orgId: manager.orgId!, email } });
    const links = () =>
      sql<{ id: string; body_text: string; link_secret: string | null }>('select * from outbox where to_email = ? order by created_at', email).map((m) => withLinks(db, m).body_text.match(/\/invite\/([a-z2-7]{32})/)![1]);

    expect((await invite()).status).toBe(302);
    expect((await invite()).status).toBe(302);
    const page = await callRoute(orgMembersRoute.loader, { url: '/org/members', cookie: manager.cookie() });
    expect(page.data.page.invitations.map((i: { email: string }) => i.email)).toEqual([email]);

    const [first, second] = links();
    const view = (token: string) => callRoute(inviteRoute.loader, { url: `/invite/${token}`, params: { token } });
    expect((await view(first)).data.invitation).toBeNull();
    expect((await view(second)).data.invitation).toMatchObject({ email });
  });
});

describe('inviting a staff member again', () => {
  it('keeps one open invitation per address', async () => {
    const admin = await createUser(db, { admin: true });
    const siteId = createSites(db).city;
    const email = `${uniq('newstaff')}@example.org`;
    for (let i = 0; i < 2; i++) {
      const res = await callRoute(staffAdminRoute.action, { url: '/admin/staff', cookie: admin.cookie(), form: { intent: 'invite', email, siteId } });
      expect(res.status).toBe(302);
    }
    expect(sql("select * from tokens where purpose = 'staff_invite' and email = ? and used_at is null", email)).toHaveLength(1);
    expect(sql("select * from tokens where purpose = 'staff_invite' and email = ?", email)).toHaveLength(2);
  });
});
