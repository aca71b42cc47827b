import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { callRoute, createSites, createUser, signUpAndApprove, type TestSites, type TestUser } from '../helpers/accounts';
import * as staffRoute from '../../app/routes/staff._index';
import * as helperRoute from '../../app/routes/staff.helpers.$id';
import * as meRoute from '../../app/routes/me._index';
import * as meProfileRoute from '../../app/routes/me.profile';
import * as meReapplyRoute from '../../app/routes/me.reapply';
import * as orgRoute from '../../app/routes/org._index';
import * as orgReapplyRoute from '../../app/routes/org.reapply';
import { RECHECK_INTERVAL_MS } from '../../app/domain/vetting';

const { db } = useTestDatabase('vetting-routes');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];
const CHECK = '无犯罪记录证明 seen on 2025-03-01';

let sites: TestSites;
let staffLt: TestUser;
let staffYc: TestUser;
let staffTown: TestUser;
let admin: TestUser;

beforeAll(async () => {
  sites = createSites(db);
  staffLt = await createUser(db, { staffSiteId: sites.lt, displayName: '利通区工作人员' });
  staffYc = await createUser(db, { staffSiteId: sites.yc, displayName: '盐池县工作人员' });
  staffTown = await createUser(db, { staffSiteId: sites.ltTown });
  admin = await createUser(db, { admin: true });
});

const queue = async (user: TestUser) => (await callRoute(staffRoute.loader, { url: '/staff', cookie: user.cookie() })).data.vetting;
const page = (user: TestUser, id: string) => callRoute(helperRoute.loader, { url: `/staff/helpers/${id}`, params: { id }, cookie: user.cookie() });
const decide = (user: TestUser, id: string, form: Record<string, string>) =>
  callRoute(helperRoute.action, { url: `/staff/helpers/${id}`, params: { id }, form, cookie: user.cookie(), ip: '10.9.8.7' });
const statusOf = (userId: string) => sql<{ status: string }>('select status from volunteers where user_id = ?', userId)[0].status;

describe('the vetting queue at /staff', () => {
  it('shows staff the pending helpers of their subtree and those without a county, never another county’s', async () => {
    const inLt = await createUser(db, { volunteer: { countySiteId: sites.lt }, displayName: 'lt' });
    const inYc = await createUser(db, { volunteer: { countySiteId: sites.yc }, displayName: 'yc' });
    const noCounty = await createUser(db, { volunteer: { countySiteId: null } });
    const orgLt = await createUser(db, { org: { countySiteId: sites.lt, name: '利通公益' } });

    const ids = (q: { pending: { id: string }[] }) => q.pending.map((p) => p.id);
    const lt = await queue(staffLt);
    expect(ids(lt)).toEqual(expect.arrayContaining([inLt.id, noCounty.id, orgLt.orgId]));
    expect(ids(lt)).not.toContain(inYc.id);
    const yc = await queue(staffYc);
    expect(ids(yc)).toEqual(expect.arrayContaining([inYc.id, noCounty.id]));
    expect(ids(yc)).not.toContain(inLt.id);
    expect(ids(yc)).not.toContain(orgLt.orgId);
    // A township below the county does not reach the county's helpers.
    const town = await queue(staffTown);
    expect(ids(town)).toContain(noCounty.id);
    expect(ids(town)).not.toContain(inLt.id);
    const all = await queue(admin);
    expect(ids(all)).toEqual(expect.arrayContaining([inLt.id, inYc.id, noCounty.id, orgLt.orgId]));
  });

  it('refuses helpers and visitors', async () => {
    const helper = await createUser(db, { volunteer: { status: 'approved' } });
    const res = await callRoute(staffRoute.loader, { url: '/staff', cookie: helper.cookie() });
    expect(res.status).toBe(403);
    expect(sql('select * from security_events where type = ? and user_id = ?', 'permission_denied', helper.id)).toHaveLength(1);
    const visitor = await callRoute(staffRoute.loader, { url: '/staff' });
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe('/login?redirectTo=%2Fstaff');
  });

  it('lists approved helpers whose yearly re-check is due within 30 days', async () => {
    const due = await createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt, caringParent: true } });
    const later = await createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt, caringParent: true } });
    db.$client.prepare('update volunteers set recheck_due_at = ? where user_id = ?').run(Date.now() + 10 * 86_400_000, due.id);
    db.$client.prepare('update volunteers set recheck_due_at = ? where user_id = ?').run(Date.now() + 200 * 86_400_000, later.id);
    const q = await queue(staffLt);
    expect(q.recheckDue.map((r: { id: string }) => r.id)).toContain(due.id);
    expect(q.recheckDue.map((r: { id: string }) => r.id)).not.toContain(later.id);
    expect(q.pending.map((r: { id: string }) => r.id)).not.toContain(due.id);
  });
});

describe('a helper’s page at /staff/helpers/:id', () => {
  it('is refused to staff of another county, who cannot act on it either', async () => {
    const helper = await createUser(db, { volunteer: { countySiteId: sites.lt } });
    expect((await page(staffYc, helper.id)).status).toBe(403);
    expect((await page(staffTown, helper.id)).status).toBe(403);
    const res = await decide(staffYc, helper.id, { intent: 'approve', checkNote: CHECK });
    expect(res.status).toBe(403);
    expect(statusOf(helper.id)).toBe('pending');
    expect(sql("select * from audit_events where entity_id = ? and action = 'approve'", helper.id)).toHaveLength(0);
    expect(sql('select * from outbox where to_email = ?', helper.email)).toHaveLength(0);
    expect(sql('select * from security_events where type = ? and user_id = ?', 'permission_denied', staffYc.id).length).toBeGreaterThan(0);

    const org = await createUser(db, { org: { countySiteId: sites.lt } });
    expect((await page(staffYc, org.orgId!)).status).toBe(403);
    expect((await decide(staffYc, org.orgId!, { intent: 'reject', reason: 'x' })).status).toBe(403);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await page(staffLt, 'nosuchhelper')).status).toBe(404);
  });

  it('shows the profile and the audit timeline to staff of the county', async () => {
    const helper = await createUser(db, { volunteer: { countySiteId: sites.lt } });
    const res = await page(staffLt, helper.id);
    expect(res.status).toBe(200);
    expect(res.data.helper.kind).toBe('volunteer');
    expect(res.data.helper.intents).toEqual(['approve', 'reject']);
  });

  it('approves with a check note: status, audit, mail in the helper’s language, security log, yearly re-check for caring parents', async () => {
    const helper = await createUser(db, { volunteer: { countySiteId: sites.lt, caringParent: true }, locale: 'en' });
    const missing = await decide(staffLt, helper.id, { intent: 'approve', checkNote: '  ' });
    expect(missing.status).toBe(400);
    expect(missing.data.fieldErrors.checkNote).toEqual(['check_note_required']);
    expect(statusOf(helper.id)).toBe('pending');

    const before = Date.now();
    const res = await decide(staffLt, helper.id, { intent: 'approve', checkNote: CHECK });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/staff/helpers/${helper.id}?done=approve`);
    const [row] = sql<{ status: string; check_note: string; vetted_by: string; recheck_due_at: number }>('select * from volunteers where user_id = ?', helper.id);
    expect(row).toMatchObject({ status: 'approved', check_note: CHECK, vetted_by: staffLt.id });
    expect(row.recheck_due_at).toBeGreaterThanOrEqual(before + RECHECK_INTERVAL_MS);
    const [audit] = sql<{ from_status: string; to_status: string; note: string; actor_id: string; site_id: string }>(
      "select * from audit_events where entity_type = 'volunteer' and entity_id = ? and action = 'approve'",
      helper.id,
    );
    expect(audit).toMatchObject({ from_status: 'pending', to_status: 'approved', note: CHECK, actor_id: staffLt.id, site_id: sites.lt });
    const [mail] = sql<{ template: string; subject: string; body_text: string }>('select * from outbox where to_email = ?', helper.email);
    expect(mail.template).toBe('vetting_approved');
    expect(mail.subject).toBe('Approved: your volunteer account');
    expect(sql("select * from security_events where type = 'vetting_decision' and user_id = ? and ip = '10.9.8.7'", staffLt.id).length).toBeGreaterThan(0);

    const me = await callRoute(meRoute.loader, { url: '/me', cookie: helper.cookie() });
    expect(me.data.volunteer.status).toBe('approved');
    // The staff's note stays on staff pages.
    expect(JSON.stringify(me.data)).not.toContain(CHECK);

    // Approving again is a stale decision.
    expect((await decide(staffLt, helper.id, { intent: 'approve', checkNote: CHECK })).status).toBe(409);
  });

  it('sets no re-check date for a volunteer without one-to-one contact, and one when staff tick it', async () => {
    const plain = await createUser(db, { volunteer: { countySiteId: sites.lt } });
    await decide(staffLt, plain.id, { intent: 'approve', checkNote: CHECK });
    expect(sql<{ recheck_due_at: number | null }>('select recheck_due_at from volunteers where user_id = ?', plain.id)[0].recheck_due_at).toBeNull();
    const tutor = await createUser(db, { volunteer: { countySiteId: sites.lt } });
    await decide(staffLt, tutor.id, { intent: 'approve', checkNote: CHECK, oneToOne: 'on' });
    expect(sql<{ recheck_due_at: number | null }>('select recheck_due_at from volunteers where user_id = ?', tutor.id)[0].recheck_due_at).not.toBeNull();
  });

  it('does not approve a helper whose email is not verified', async () => {
    const helper = await createUser(db, { volunteer: { countySiteId: sites.lt }, verified: false });
    const res = await decide(staffLt, helper.id, { intent: 'approve', checkNote: CHECK });
    expect(res.status).toBe(409);
    expect(res.data.message.key).toBe('vetting.email_unverified');
    expect(statusOf(helper.id)).toBe('pending');
  });

  it('rejects with a reason the helper reads on /me', async () => {
    const helper = await createUser(db, { volunteer: { countySiteId: sites.lt } });
    expect((await decide(staffLt, helper.id, { intent: 'reject', reason: '' })).data.fieldErrors.reason).toEqual(['reason_required']);
    expect((await decide(staffLt, helper.id, { intent: 'reject', reason: '资料不完整,请补充联系电话' })).status).toBe(302);
    const me = await callRoute(meRoute.loader, { url: '/me', cookie: helper.cookie() });
    expect(me.data.volunteer).toMatchObject({ status: 'rejected', statusReason: '资料不完整,请补充联系电话' });
    const [mail] = sql<{ template: string; body_text: string }>('select * from outbox where to_email = ?', helper.email);
    expect(mail.template).toBe('vetting_rejected');
    expect(mail.body_text).toContain('资料不完整,请补充联系电话');
    // A rejected helper is not approved in place.
    expect((await decide(staffLt, helper.id, { intent: 'approve', checkNote: CHECK })).status).toBe(409);
  });

  it('tells a pending volunteer what is left to do: verify the email, complete the profile, or wait', async () => {
    const helper = await createUser(db, { volunteer: {}, verified: false });
    const steps = async () => (await callRoute(meRoute.loader, { url: '/me', cookie: helper.cookie() })).data.volunteer.pendingSteps;
    expect(await steps()).toEqual(['verify_email', 'complete_profile']);
    db.$client.prepare('update users set email_verified_at = ? where id = ?').run(Date.now(), helper.id);
    expect(await steps()).toEqual(['complete_profile']);
    const saved = await callRoute(meProfileRoute.action, {
      url: '/me/profile',
      form: { realName: '林晓', phone: '13800000000', countySiteId: sites.lt },
      cookie: helper.cookie(),
    });
    expect(saved.status).toBe(302);
    expect(await steps()).toEqual(['wait']);
    await decide(staffLt, helper.id, { intent: 'approve', checkNote: CHECK });
    expect(await steps()).toEqual([]);
  });

  it('warns an approved volunteer whose yearly re-check is overdue', async () => {
    const helper = await createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt, caringParent: true } });
    const me = async () => (await callRoute(meRoute.loader, { url: '/me', cookie: helper.cookie() })).data.volunteer;
    db.$client.prepare('update volunteers set recheck_due_at = ? where user_id = ?').run(Date.now() + 86_400_000, helper.id);
    expect((await me()).recheckOverdue).toBe(false);
    db.$client.prepare('update volunteers set recheck_due_at = ? where user_id = ?').run(Date.now() - 86_400_000, helper.id);
    expect((await me()).recheckOverdue).toBe(true);
  });

  it('lets a rejected volunteer mend the profile and apply again, back into the queue', async () => {
    const helper = await createUser(db, { volunteer: { countySiteId: sites.lt } });
    const reapply = (cookie: string) => callRoute(meReapplyRoute.action, { url: '/me/reapply', form: {}, cookie });
    // Nothing to re-apply for while the application is pending.
    expect((await reapply(helper.cookie())).status).toBe(409);
    await decide(staffLt, helper.id, { intent: 'reject', reason: '请补充联系电话' });
    const before = await callRoute(meRoute.loader, { url: '/me', cookie: helper.cookie() });
    expect(before.data.volunteer.status).toBe('rejected');

    const res = await reapply(helper.cookie());
    expect(res.status).toBe(302);
    expect(res.location).toBe('/me?done=reapply');
    expect(statusOf(helper.id)).toBe('pending');
    const me = await callRoute(meRoute.loader, { url: '/me', cookie: helper.cookie() });
    expect(me.data.volunteer).toMatchObject({ status: 'pending', statusReason: null });
    expect((await queue(staffLt)).pending.map((p: { id: string }) => p.id)).toContain(helper.id);
    // The rejection stays in the history staff read, followed by the new application.
    const timeline = (await page(staffLt, helper.id)).data.helper.timeline.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(expect.arrayContaining(['reject', 'reapply']));
    expect(timeline.indexOf('reapply')).toBeGreaterThan(timeline.indexOf('reject'));
    // A second press changes nothing.
    expect((await reapply(helper.cookie())).status).toBe(409);
    expect(sql("select * from audit_events where entity_id = ? and action = 'reapply'", helper.id)).toHaveLength(1);
    // And staff can now approve it.
    expect((await decide(staffLt, helper.id, { intent: 'approve', checkNote: CHECK })).status).toBe(302);
  });

  it('lets only an organization’s manager apply again for it, and never lifts a suspension', async () => {
    const manager = await createUser(db, { org: { countySiteId: sites.lt } });
    const colleague = await createUser(db);
    db.$client.prepare("insert into organization_members (org_id, user_id, role, created_at) values (?, ?, 'member', ?)").run(manager.orgId, colleague.id, Date.now());
    const outsider = await createUser(db, { org: { countySiteId: sites.lt } });
    await decide(staffLt, manager.orgId!, { intent: 'reject', reason: '请补充机构简介' });
    const reapply = (user: TestUser) => callRoute(orgReapplyRoute.action, { url: '/org/reapply', form: { orgId: manager.orgId! }, cookie: user.cookie() });
    expect((await reapply(colleague)).status).toBe(403);
    expect((await reapply(outsider)).status).toBe(403);
    expect(sql<{ status: string }>('select status from organizations where id = ?', manager.orgId)[0].status).toBe('rejected');
    const res = await reapply(manager);
    expect(res.location).toBe(`/org?org=${manager.orgId}&done=reapply`);
    expect(sql<{ status: string }>('select status from organizations where id = ?', manager.orgId)[0].status).toBe('pending');

    const suspended = await createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt } });
    await decide(staffLt, suspended.id, { intent: 'suspend', reason: '多次未按约定送达' });
    expect((await callRoute(meReapplyRoute.action, { url: '/me/reapply', form: {}, cookie: suspended.cookie() })).status).toBe(409);
    expect(statusOf(suspended.id)).toBe('suspended');
  });

  it('signs a suspended helper out everywhere at once, and reinstates them with a fresh check', async () => {
    const helper = await createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt } });
    const phone = helper.cookie();
    const laptop = helper.cookie();
    expect((await callRoute(meRoute.loader, { url: '/me', cookie: phone })).status).toBe(200);

    const res = await decide(staffLt, helper.id, { intent: 'suspend', reason: '多次未按约定送达' });
    expect(res.status).toBe(302);
    for (const cookie of [phone, laptop]) {
      const me = await callRoute(meRoute.loader, { url: '/me', cookie });
      expect(me.status).toBe(302);
      expect(me.location).toMatch(/^\/login/);
    }
    expect(sql('select * from sessions where user_id = ?', helper.id)).toHaveLength(0);
    expect(sql("select * from security_events where type = 'sessions_revoked' and user_id = ?", helper.id)).toHaveLength(1);
    expect(sql<{ template: string }>('select template from outbox where to_email = ?', helper.email).map((m) => m.template)).toEqual(['vetting_suspended']);

    // They can sign in again and read why.
    const me = await callRoute(meRoute.loader, { url: '/me', cookie: helper.cookie() });
    expect(me.data.volunteer).toMatchObject({ status: 'suspended', statusReason: '多次未按约定送达' });

    expect((await decide(staffLt, helper.id, { intent: 'reinstate', checkNote: '' })).status).toBe(400);
    expect((await decide(staffLt, helper.id, { intent: 'reinstate', checkNote: 'talked in person 2025-04-02' })).status).toBe(302);
    expect(statusOf(helper.id)).toBe('approved');
  });

  it('suspending an organization signs out all of its members', async () => {
    const manager = await createUser(db, { org: { status: 'approved', countySiteId: sites.lt } });
    const colleague = await createUser(db);
    db.$client.prepare("insert into organization_members (org_id, user_id, role, created_at) values (?, ?, 'member', ?)").run(manager.orgId, colleague.id, Date.now());
    const cookies = [manager.cookie(), colleague.cookie()];
    const res = await decide(staffLt, manager.orgId!, { intent: 'suspend', reason: '资质过期' });
    expect(res.status).toBe(302);
    for (const cookie of cookies) expect((await callRoute(orgRoute.loader, { url: '/org', cookie })).status).toBe(302);
    expect(sql<{ status: string }>('select status from organizations where id = ?', manager.orgId)[0].status).toBe('suspended');
    expect(sql('select * from outbox where template = ? and to_email in (?, ?)', 'vetting_suspended', manager.email, colleague.email)).toHaveLength(2);
  });

  it('never lets staff vet themselves', async () => {
    const both = await createUser(db, { staffSiteId: sites.lt, volunteer: { countySiteId: sites.lt } });
    const res = await decide(both, both.id, { intent: 'approve', checkNote: CHECK });
    expect(res.status).toBe(403);
    expect(statusOf(both.id)).toBe('pending');
  });

  it('records a yearly re-check, moving the due date a year ahead', async () => {
    const helper = await createUser(db, { volunteer: { status: 'approved', countySiteId: sites.lt, caringParent: true } });
    db.$client.prepare('update volunteers set recheck_due_at = ? where user_id = ?').run(Date.now() + 86_400_000, helper.id);
    const res = await decide(staffLt, helper.id, { intent: 'recheck', checkNote: '无犯罪记录证明 seen on 2026-03-01' });
    expect(res.status).toBe(302);
    const [row] = sql<{ recheck_due_at: number; check_note: string }>('select * from volunteers where user_id = ?', helper.id);
    expect(row.recheck_due_at).toBeGreaterThan(Date.now() + RECHECK_INTERVAL_MS - 60_000);
    expect(row.check_note).toBe('无犯罪记录证明 seen on 2026-03-01');
  });

  it('approves an organization through the same page, mailing its members', async () => {
    const approved = await signUpAndApprove(db, { accountType: 'organization', organizationName: '同心助学会' }, admin.actor());
    expect(sql<{ status: string }>('select status from organizations where id = ?', approved.orgId)[0].status).toBe('approved');
    const [mail] = sql<{ subject: string }>("select subject from outbox where to_email = ? and template = 'vetting_approved'", approved.email);
    expect(mail.subject).toContain('同心助学会');
  });
});
