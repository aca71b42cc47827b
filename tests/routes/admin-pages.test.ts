import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { withLinks } from '../helpers/mail';
import { callRoute, cookieFromResponse, createSites, createUser, uniq, type TestSites, type TestUser } from '../helpers/accounts';
import * as adminRoute from '../../app/routes/admin._index';
import * as sitesRoute from '../../app/routes/admin.sites._index';
import * as siteRoute from '../../app/routes/admin.sites.$id';
import * as staffAdminRoute from '../../app/routes/admin.staff';
import * as outboxRoute from '../../app/routes/admin.outbox';
import * as auditRoute from '../../app/routes/admin.audit';
import * as securityRoute from '../../app/routes/admin.security';
import * as inviteRoute from '../../app/routes/invite.$token';
import * as oldStaffInviteRoute from '../../app/routes/invite.staff.$token';
import * as orgRoute from '../../app/routes/org._index';
import * as orgMembersRoute from '../../app/routes/org.members';
import * as staffRoute from '../../app/routes/staff._index';
import * as loginRoute from '../../app/routes/login';
import { auditPage, securityLogPage } from '../../app/services/admin.server';

const { db } = useTestDatabase('admin-pages');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];

let sites: TestSites;
let admin: TestUser;
let staff: TestUser;

beforeAll(async () => {
  sites = createSites(db);
  admin = await createUser(db, { admin: true, displayName: '管理员' });
  staff = await createUser(db, { staffSiteId: sites.city });
});

const linkIn = (email: string, pattern: RegExp) => {
  const [mail] = sql<{ id: string; body_text: string; link_secret: string | null }>('select * from outbox where to_email = ? order by created_at desc', email).map((m) => withLinks(db, m));
  return mail.body_text.match(pattern)![1];
};

describe('admin pages are for admins only', () => {
  const loaders = [
    ['/admin', adminRoute.loader],
    ['/admin/sites', sitesRoute.loader],
    ['/admin/staff', staffAdminRoute.loader],
    ['/admin/outbox', outboxRoute.loader],
    ['/admin/audit', auditRoute.loader],
    ['/admin/security', securityRoute.loader],
  ] as const;

  it.each(loaders)('%s: 403 for city staff, login for visitors, 200 for an admin', async (url, loader) => {
    expect((await callRoute(loader, { url, cookie: staff.cookie() })).status).toBe(403);
    expect((await callRoute(loader, { url })).location).toMatch(/^\/login\?redirectTo=/);
    expect((await callRoute(loader, { url, cookie: admin.cookie() })).status).toBe(200);
  });

  it('refuses a staff member posting to the admin forms, and changes nothing', async () => {
    const before = sql('select * from sites').length;
    const res = await callRoute(sitesRoute.action, {
      url: '/admin/sites',
      cookie: staff.cookie(),
      form: { parentId: sites.city, kind: 'county', code: uniq('x'), nameZh: '同心县', nameEn: 'Tongxin', wishValueCapFen: '300' },
    });
    expect(res.status).toBe(403);
    expect(sql('select * from sites')).toHaveLength(before);
  });
});

describe('sites', () => {
  it('creates a site under a parent, with its path, and edits its value cap', async () => {
    const code = uniq('tx');
    const res = await callRoute(sitesRoute.action, {
      url: '/admin/sites',
      cookie: admin.cookie(),
      form: { parentId: sites.city, kind: 'county', code, nameZh: '同心县', nameEn: 'Tongxin County', address: '', handoverNote: '', wishValueCapFen: '250' },
    });
    expect(res.status).toBe(302);
    const [site] = sql<{ id: string; path: string; wish_value_cap_fen: number }>('select * from sites where code = ?', code);
    expect(site.path).toBe(`${sites.paths.city}${code}/`);
    expect(site.wish_value_cap_fen).toBe(25000);

    const edit = await callRoute(siteRoute.action, {
      url: `/admin/sites/${site.id}`,
      params: { id: site.id },
      cookie: admin.cookie(),
      form: { nameZh: '同心县', nameEn: 'Tongxin County', address: '同心县民政局', handoverNote: '', wishValueCapFen: '400.50' },
    });
    expect(edit.status).toBe(302);
    expect(sql<{ wish_value_cap_fen: number; address: string }>('select * from sites where id = ?', site.id)[0]).toMatchObject({ wish_value_cap_fen: 40050, address: '同心县民政局' });
    expect(sql("select * from audit_events where entity_type = 'site' and entity_id = ?", site.id)).toHaveLength(2);
  });

  it.each([
    ['a taken code', () => ({ code: sql<{ code: string }>('select code from sites where id = ?', sites.lt)[0].code }), 'code', 'form.site_code.taken'],
    ['a code with odd characters', () => ({ code: 'a_b%' }), 'code', 'form.site_code.invalid'],
    ['a county under a township', () => ({ parentId: sites.ltTown }), 'kind', 'form.site_kind.below_parent'],
    ['a county without a parent', () => ({ parentId: '' }), 'parentId', 'form.site.parent_required'],
    ['a cap of zero', () => ({ wishValueCapFen: '0' }), 'wishValueCapFen', 'form.value_cap.invalid'],
  ])('refuses %s', async (_, overrides, field, key) => {
    const before = sql('select * from sites').length;
    const res = await callRoute(sitesRoute.action, {
      url: '/admin/sites',
      cookie: admin.cookie(),
      form: { parentId: sites.city, kind: 'county', code: uniq('ok'), nameZh: '县', nameEn: 'County', wishValueCapFen: '300', ...overrides() },
    });
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors[field]).toContain(key);
    expect(sql('select * from sites')).toHaveLength(before);
  });
});

describe('staff invitations', () => {
  it('invites staff by email; the single-use link creates a staff account at that site', async () => {
    const email = `${uniq('newstaff')}@example.org`;
    const res = await callRoute(staffAdminRoute.action, { url: '/admin/staff', cookie: admin.cookie(), form: { intent: 'invite', email, siteId: sites.yc } });
    expect(res.location).toBe('/admin/staff?done=invite');
    const token = linkIn(email, /\/invite\/([a-z2-7]{32})/);

    const view = await callRoute(inviteRoute.loader, { url: `/invite/${token}`, params: { token } });
    expect(view.data.invitation).toMatchObject({ kind: 'staff', email, siteZh: '盐池县', accountExists: false });
    // A link mailed before invitations had one address still opens.
    const old = await callRoute(oldStaffInviteRoute.loader, { url: `/invite/staff/${token}`, params: { token } });
    expect(old.location).toBe(`/invite/${token}`);

    const weak = await callRoute(inviteRoute.action, { url: `/invite/${token}`, params: { token }, form: { intent: 'create', displayName: '李老师', password: '12345678' } });
    expect(weak.status).toBe(400);
    const breached = await callRoute(inviteRoute.action, { url: `/invite/${token}`, params: { token }, form: { intent: 'create', displayName: '李老师', password: 'P@ssw0rd!' } });
    expect(breached.status).toBe(400);
    expect(breached.data.fieldErrors.password[0]).toBe('form.password.weak');

    const created = await callRoute(inviteRoute.action, {
      url: `/invite/${token}`,
      params: { token },
      form: { intent: 'create', displayName: '李老师', password: 'Yanchi-Welfare-2025' },
    });
    expect(created.status).toBe(302);
    expect(created.location).toBe('/staff');
    const [user] = sql<{ id: string; staff_site_id: string; email_verified_at: number }>('select * from users where email = ?', email);
    expect(user.staff_site_id).toBe(sites.yc);
    expect(user.email_verified_at).not.toBeNull();
    const cookie = cookieFromResponse(created.headers)!;
    expect((await callRoute(staffRoute.loader, { url: '/staff', cookie })).status).toBe(200);

    const again = await callRoute(inviteRoute.action, { url: `/invite/${token}`, params: { token }, form: { intent: 'create', displayName: 'x', password: 'Yanchi-Welfare-2026' } });
    expect(again.status).toBe(409);
    expect((await callRoute(inviteRoute.loader, { url: `/invite/${token}`, params: { token } })).data.invitation).toBeNull();
  });

  it('moving staff or removing the role ends all their sessions', async () => {
    const member = await createUser(db, { staffSiteId: sites.lt });
    const cookie = member.cookie();
    const moved = await callRoute(staffAdminRoute.action, { url: '/admin/staff', cookie: admin.cookie(), form: { intent: 'move', userId: member.id, siteId: sites.yc } });
    expect(moved.status).toBe(302);
    expect((await callRoute(staffRoute.loader, { url: '/staff', cookie })).status).toBe(302);
    expect(sql<{ staff_site_id: string }>('select staff_site_id from users where id = ?', member.id)[0].staff_site_id).toBe(sites.yc);

    const fresh = member.cookie();
    await callRoute(staffAdminRoute.action, { url: '/admin/staff', cookie: admin.cookie(), form: { intent: 'remove', userId: member.id } });
    expect((await callRoute(staffRoute.loader, { url: '/staff', cookie: fresh })).status).toBe(302);
    const login = await callRoute(loginRoute.action, { url: '/login', form: { email: member.email, password: member.password } });
    expect((await callRoute(staffRoute.loader, { url: '/staff', cookie: cookieFromResponse(login.headers) })).status).toBe(403);
  });
});

describe('organization invitations', () => {
  it('a manager invites a colleague, who joins by creating an account through the single-use link', async () => {
    const manager = await createUser(db, { org: { status: 'approved' } });
    const email = `${uniq('colleague')}@example.org`;
    const res = await callRoute(orgMembersRoute.action, { url: '/org/members', cookie: manager.cookie(), form: { orgId: manager.orgId!, email } });
    expect(res.status).toBe(302);
    const token = linkIn(email, /\/invite\/([a-z2-7]{32})/);
    const weak = await callRoute(inviteRoute.action, { url: `/invite/${token}`, params: { token }, form: { intent: 'create', displayName: '王同事', password: 'Summer2024' } });
    expect(weak.status).toBe(400);
    expect(weak.data.fieldErrors.password[0]).toBe('form.password.weak');
    const join = await callRoute(inviteRoute.action, {
      url: `/invite/${token}`,
      params: { token },
      form: { intent: 'create', displayName: '王同事', password: 'Warm-Sunshine-Team-3' },
    });
    expect(join.status).toBe(302);
    const [row] = sql<{ role: string }>('select m.role from organization_members m join users u on u.id = m.user_id where u.email = ? and m.org_id = ?', email, manager.orgId);
    expect(row.role).toBe('member');
    const cookie = cookieFromResponse(join.headers)!;
    const page = await callRoute(orgRoute.loader, { url: '/org', cookie });
    expect(page.data.page.members).toHaveLength(2);
    // Members cannot invite.
    const denied = await callRoute(orgMembersRoute.action, { url: '/org/members', cookie, form: { orgId: manager.orgId!, email: `${uniq('x')}@example.org` } });
    expect(denied.status).toBe(403);
  });

  it('an existing account accepts while signed in with the invited address only', async () => {
    const manager = await createUser(db, { org: { status: 'approved' } });
    const invitee = await createUser(db, { volunteer: {} });
    const stranger = await createUser(db);
    await callRoute(orgMembersRoute.action, { url: '/org/members', cookie: manager.cookie(), form: { orgId: manager.orgId!, email: invitee.email } });
    const token = linkIn(invitee.email, /\/invite\/([a-z2-7]{32})/);
    const wrong = await callRoute(inviteRoute.action, { url: `/invite/${token}`, params: { token }, form: { intent: 'accept' }, cookie: stranger.cookie() });
    expect(wrong.status).toBe(409);
    const ok = await callRoute(inviteRoute.action, { url: `/invite/${token}`, params: { token }, form: { intent: 'accept' }, cookie: invitee.cookie() });
    expect(ok.status).toBe(302);
    expect(sql('select * from organization_members where org_id = ? and user_id = ?', manager.orgId, invitee.id)).toHaveLength(1);
  });
});

describe('outbox, audit and security logs', () => {
  it('filters the outbox by recipient and shows each mail’s body', async () => {
    const res = await callRoute(outboxRoute.loader, { url: `/admin/outbox?to=${encodeURIComponent(admin.email)}`, cookie: admin.cookie() });
    expect(res.status).toBe(200);
    for (const mail of res.data.mail) expect(mail.toEmail).toBe(admin.email);
    const all = await callRoute(outboxRoute.loader, { url: '/admin/outbox', cookie: admin.cookie() });
    expect(all.data.mail.length).toBeGreaterThan(0);
    expect(all.data.mail[0].bodyText).toBeTruthy();
    // An address too long to be one is ignored (all mail), never a failed page; spaces around it are trimmed.
    const long = await callRoute(outboxRoute.loader, { url: `/admin/outbox?to=${'a'.repeat(300)}%40x.cn`, cookie: admin.cookie() });
    expect(long.status).toBe(200);
    expect(long.data).toMatchObject({ to: '', mail: all.data.mail });
    const spaced = await callRoute(outboxRoute.loader, { url: `/admin/outbox?to=%20${encodeURIComponent(admin.email)}%20`, cookie: admin.cookie() });
    expect(spaced.data.to).toBe(admin.email);
  });

  it('filters the audit log by entity type, action and date', async () => {
    const bySite = await callRoute(auditRoute.loader, { url: '/admin/audit?entityType=site', cookie: admin.cookie() });
    expect(bySite.data.events.length).toBeGreaterThan(0);
    for (const e of bySite.data.events) expect(e.entityType).toBe('site');
    const created = await callRoute(auditRoute.loader, { url: '/admin/audit?entityType=site&action=create', cookie: admin.cookie() });
    for (const e of created.data.events) expect(e.action).toBe('create');
    const future = await callRoute(auditRoute.loader, { url: '/admin/audit?from=2999-01-01', cookie: admin.cookie() });
    expect(future.data.events).toEqual([]);
  });

  it('lists security events by type, never with a password or token', async () => {
    const res = await callRoute(securityRoute.loader, { url: '/admin/security?type=permission_denied', cookie: admin.cookie() });
    expect(res.data.events.length).toBeGreaterThan(0);
    const everything = JSON.stringify(sql('select * from security_events'));
    expect(everything).not.toMatch(/[a-z2-7]{32}/);
    expect(everything).not.toContain('Yanchi-Welfare-2025');
  });

  it('names the user of each security event and the actor of each audit event, in a fixed number of queries', async () => {
    const res = await callRoute(securityRoute.loader, { url: '/admin/security?type=permission_denied', cookie: admin.cookie() });
    const [{ name }] = sql<{ name: string }>('select display_name as name from users where id = ?', staff.id);
    const denied = res.data.events.find((e: { userId: string | null }) => e.userId === staff.id);
    expect(denied).toMatchObject({ type: 'permission_denied', userName: name });
    // The filter offers every type the code can write, whether or not one has happened yet.
    expect(res.data.types).toEqual(expect.arrayContaining(['permission_denied', 'sign_in_failed', 'role_changed', 'honeypot']));
    const audit = await callRoute(auditRoute.loader, { url: '/admin/audit?entityType=site', cookie: admin.cookie() });
    expect(audit.data.events.length).toBeGreaterThan(0);
    for (const e of audit.data.events) expect(e.actorName).toBe('管理员');

    const actor = admin.actor();
    const meta = { ip: '127.0.0.1', now: Date.now() };
    const prepare = vi.spyOn(db.$client, 'prepare');
    try {
      // The count, the page (names of users joined in), the names the details mention: never a query per row.
      const security = securityLogPage(actor, {}, meta);
      expect(security.ok && security.value.events.length).toBeGreaterThan(5);
      expect(prepare.mock.calls.length).toBeLessThanOrEqual(3);
      prepare.mockClear();
      // The actions for the filter, the count, the page (actors joined in), the names of its objects.
      const audit = auditPage(actor, {}, meta);
      expect(audit.ok && audit.value.events.length).toBeGreaterThan(5);
      expect(prepare.mock.calls.length).toBeLessThanOrEqual(4);
    } finally {
      prepare.mockRestore();
    }
  });
});
