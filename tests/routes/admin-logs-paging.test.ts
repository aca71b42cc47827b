import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../db/client';
import { useTestDatabase } from '../helpers/db';
import { callRoute, createSites, createUser, signUpAndApprove, uniq, type TestSites, type TestUser } from '../helpers/accounts';
import * as auditRoute from '../../app/routes/admin.audit';
import * as securityRoute from '../../app/routes/admin.security';
import { recordAudit } from '../../app/data/audit.server';
import { RATE_LIMITS } from '../../app/server/rate-limit.server';
import { childrenOfSubtree } from '../../app/services/children.server';
import { translator } from '../../app/i18n/index';
import { auditActionLabel, auditNoteText, auditObjectName, securityDetailText, type ObjectNames } from '../../app/i18n/labels';

// The admin logs page by number (D19: 50 a page, newest first, filters kept, a page past the end shows
// the last), filter the audit log by a select of the actions it holds, and show objects and the notes
// the code writes in words: names for ids (a child by alias only), labels for known note formats.

const { db } = useTestDatabase('admin-logs-paging');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];
const zh = translator('zh-CN');
const en = translator('en');

type AuditRow = { id: string; at: number; action: string; entityType: string; entityId: string; note: string | null; siteId: string | null };
type SecurityRow = { id: string; at: number; type: string; userId: string | null; detail: string | null };
type Paging = { page: number; pages: number; total: number };

let sites: TestSites;
let admin: TestUser;
let staff: TestUser;
let volunteerId = '';
let orgId = '';
let childId = '';

beforeAll(async () => {
  sites = createSites(db);
  admin = await createUser(db, { admin: true, displayName: '管理员' });
  staff = await createUser(db, { staffSiteId: sites.city, displayName: '站点工作人员' });
  // Sign-ups and approvals through the services: audit `sign_up` (note: the account type) and `approve`,
  // security `sign_up` and `vetting_decision` ("approve volunteer <id>").
  volunteerId = (await signUpAndApprove(db, { displayName: '王小明' }, admin.actor())).userId;
  orgId = (await signUpAndApprove(db, { accountType: 'organization', organizationName: '同心公益服务中心', displayName: '李经理' }, admin.actor())).orgId!;
  // A child record read by staff: the audit names it by alias, never by its real name.
  childId = uniq('c');
  const now = Date.now();
  db.insert(schema.children)
    .values({ id: childId, siteId: sites.lt, realName: '张真名', birthDate: '2015-03-01', gender: 'female', category: 'left_behind', alias: '小禾', createdAt: now })
    .run();
  db.transaction((tx) => recordAudit(tx, { at: now, actorId: staff.id, entityType: 'child', entityId: childId, action: 'child.read', siteId: sites.lt }));
  // Staff look at the child list: `child.list` with the number of rows shown as its note.
  expect(childrenOfSubtree(staff.actor(), { page: 1 }, now).ok).toBe(true);
  // Plenty of older history, for paging.
  const insertAudit = db.$client.prepare(
    "insert into audit_events (id, at, actor_id, entity_type, entity_id, action, note, site_id) values (?, ?, ?, 'site', ?, 'update', ?, ?)",
  );
  const insertSecurity = db.$client.prepare("insert into security_events (id, at, type, user_id, ip, detail) values (?, ?, 'sign_in_failed', ?, '10.0.0.9', 'wrong password')");
  const base = now - 10 * 86_400_000;
  for (let i = 0; i < 130; i++) {
    insertAudit.run(uniq('a'), base + i * 60_000, admin.id, sites.lt, i % 2 ? 'value cap 30000 → 25050 fen' : null, sites.lt);
    insertSecurity.run(uniq('e'), base + i * 60_000, staff.id);
  }
});

async function auditLoad(query = '') {
  const res = await callRoute(auditRoute.loader, { url: `/admin/audit${query}`, cookie: admin.cookie() });
  expect(res.status).toBe(200);
  return res.data as { events: AuditRow[]; actions: string[]; paging: Paging; names: ObjectNames; filter: { action: string } };
}
async function securityLoad(query = '') {
  const res = await callRoute(securityRoute.loader, { url: `/admin/security${query}`, cookie: admin.cookie() });
  expect(res.status).toBe(200);
  return res.data as { events: SecurityRow[]; paging: Paging; names: ObjectNames };
}

describe('the action filter of the audit log', () => {
  it('offers every action present in the log (and no other), each with a label in both languages', async () => {
    const { actions } = await auditLoad('?lang=en');
    const present = sql<{ action: string }>('select distinct action from audit_events').map((r) => r.action);
    expect([...actions].sort()).toEqual([...present].sort());
    expect(actions).toEqual(expect.arrayContaining(['approve', 'sign_up', 'child.list', 'child.read', 'update']));
    expect(actions).not.toContain('publish');
    for (const a of actions) {
      expect(auditActionLabel(en, a), a).not.toBe(a);
      expect(auditActionLabel(zh, a), a).not.toBe(a);
    }
    // Sorted by the label of the page's language.
    const labels = actions.map((a) => auditActionLabel(en, a));
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('filters by the chosen action, and keeps accepting old links (a code, or a prefix of codes)', async () => {
    const approved = await auditLoad('?action=approve');
    expect(approved.events.length).toBe(2);
    for (const e of approved.events) expect(e.action).toBe('approve');
    expect(approved.paging.total).toBe(2);
    // "update" is exact: it no longer takes in other actions beginning with the same letters.
    const updated = await auditLoad('?action=update');
    expect(updated.paging.total).toBe(sql<{ n: number }>("select count(*) as n from audit_events where action = 'update'")[0].n);
    // An old prefix link still finds its actions, and the select keeps offering what the URL asks for.
    const child = await auditLoad('?action=child.');
    expect(new Set(child.events.map((e) => e.action))).toEqual(new Set(['child.read', 'child.list']));
    expect(child.actions).toContain('child.');
    expect(child.filter.action).toBe('child.');
    // Something no event has finds nothing.
    expect((await auditLoad('?action=nothing_like_this')).events).toEqual([]);
  });
});

describe('paging of the logs', () => {
  it('pages the audit log 50 at a time, newest first, with the total; page 2 carries on', async () => {
    const total = sql<{ n: number }>('select count(*) as n from audit_events')[0].n;
    expect(total).toBeGreaterThan(130);
    const first = await auditLoad();
    expect(first.paging).toEqual({ page: 1, pages: Math.ceil(total / 50), total });
    expect(first.events).toHaveLength(50);
    const second = await auditLoad('?page=2');
    expect(second.paging.page).toBe(2);
    expect(second.events).toHaveLength(50);
    const ats = [...first.events, ...second.events].map((e) => e.at);
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(new Set([...first.events, ...second.events].map((e) => e.id)).size).toBe(100);
    const last = await auditLoad(`?page=${first.paging.pages}`);
    expect(last.events).toHaveLength(total - 50 * (first.paging.pages - 1));
  });

  it('keeps the filters across pages, and shows the last page for a page past the end', async () => {
    const sitesTotal = sql<{ n: number }>("select count(*) as n from audit_events where entity_type = 'site'")[0].n;
    const page2 = await auditLoad('?entityType=site&page=2');
    expect(page2.paging).toMatchObject({ page: 2, total: sitesTotal });
    for (const e of page2.events) expect(e.entityType).toBe('site');
    const beyond = await auditLoad('?entityType=site&page=24');
    const pages = Math.ceil(sitesTotal / 50);
    expect(beyond.paging).toEqual({ page: pages, pages, total: sitesTotal });
    expect(beyond.events.length).toBeGreaterThan(0);
    expect(beyond.events).toEqual((await auditLoad(`?entityType=site&page=${pages}`)).events);
    // An empty result is page 1 of 1.
    expect((await auditLoad('?from=2999-01-01&page=3')).paging).toEqual({ page: 1, pages: 1, total: 0 });
  });

  it('pages the security log the same way', async () => {
    const total = sql<{ n: number }>('select count(*) as n from security_events')[0].n;
    expect(total).toBeGreaterThan(130);
    const first = await securityLoad();
    expect(first.paging).toEqual({ page: 1, pages: Math.ceil(total / 50), total });
    expect(first.events).toHaveLength(50);
    const second = await securityLoad('?page=2');
    const ats = [...first.events, ...second.events].map((e) => e.at);
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(new Set([...first.events, ...second.events].map((e) => e.id)).size).toBe(100);
    const failed = sql<{ n: number }>("select count(*) as n from security_events where type = 'sign_in_failed'")[0].n;
    const beyond = await securityLoad('?type=sign_in_failed&page=99');
    expect(beyond.paging).toEqual({ page: Math.ceil(failed / 50), pages: Math.ceil(failed / 50), total: failed });
    expect(beyond.events.length).toBeGreaterThan(0);
    for (const e of beyond.events) expect(e.type).toBe('sign_in_failed');
  });
});

describe('objects and notes in words', () => {
  it('names the objects of the audit log (a child by alias, never the real name) and labels its notes', async () => {
    const { events, names } = await auditLoad('?entityType=volunteer');
    const approve = events.find((e) => e.action === 'approve' && e.entityId === volunteerId)!;
    expect(auditObjectName(zh, approve, names, 'zh-CN')).toBe('王小明');

    const orgPage = await auditLoad('?entityType=organization');
    const org = orgPage.events.find((e) => e.entityId === orgId)!;
    expect(auditObjectName(zh, org, orgPage.names, 'zh-CN')).toBe('同心公益服务中心');

    const users = await auditLoad('?action=sign_up');
    const signUps = users.events.map((e) => auditNoteText(zh, e, users.names, 'zh-CN'));
    expect(signUps.sort()).toEqual(['个人志愿者', '社会组织 / 爱心企业']);
    expect(users.events.map((e) => auditNoteText(en, e, users.names, 'en')).sort()).toEqual(['Organization', 'Volunteer']);
    expect(users.events.map((e) => auditObjectName(zh, e, users.names, 'zh-CN')).sort()).toEqual(['李经理', '王小明']);

    const childPage = await auditLoad('?action=child.');
    const read = childPage.events.find((e) => e.action === 'child.read')!;
    expect(auditObjectName(zh, read, childPage.names, 'zh-CN')).toBe('小禾');
    expect(JSON.stringify(childPage)).not.toContain('张真名');
    const list = childPage.events.find((e) => e.action === 'child.list')!;
    expect(list.note).toMatch(/^\d+$/);
    expect(auditNoteText(zh, list, childPage.names, 'zh-CN')).toBe(`显示 ${list.note} 条`);
    expect(auditNoteText(en, list, childPage.names, 'en')).toBe(`${list.note} shown`);
    expect(auditObjectName(zh, list, childPage.names, 'zh-CN')).toBe('吴忠市');

    const sitePage = await auditLoad('?entityType=site&action=update');
    const capped = sitePage.events.find((e) => e.note)!;
    expect(auditObjectName(zh, capped, sitePage.names, 'zh-CN')).toBe('利通区');
    expect(auditObjectName(en, capped, sitePage.names, 'en')).toBe('Litong District');
    expect(auditNoteText(zh, capped, sitePage.names, 'zh-CN')).toBe('心愿金额上限 ¥300 → ¥250.50');
    // A note the code does not format (a reason, a check note) shows as written.
    expect(auditNoteText(zh, { entityType: 'wish', action: 'withdraw', note: '孩子已随父母迁往外地' }, {}, 'zh-CN')).toBe('孩子已随父母迁往外地');
  });

  it('labels the details of the security log, naming the helper of a vetting decision', async () => {
    const { events, names } = await securityLoad('?type=vetting_decision');
    const texts = events.map((e) => securityDetailText(zh, e, names, 'zh-CN')).sort();
    expect(texts).toEqual(['审核通过 · 爱心机构 同心公益服务中心', '审核通过 · 志愿者 王小明'].sort());
    expect(events.map((e) => securityDetailText(en, e, names, 'en'))).toContain('Approved · Volunteer 王小明');
    const signUps = await securityLoad('?type=sign_up');
    expect(signUps.events.map((e) => securityDetailText(zh, e, signUps.names, 'zh-CN')).sort()).toEqual(['个人志愿者', '社会组织 / 爱心企业']);
    const failed = await securityLoad('?type=sign_in_failed');
    expect(securityDetailText(zh, failed.events[0], failed.names, 'zh-CN')).toBe('密码错误');
    expect(securityDetailText(en, failed.events[0], failed.names, 'en')).toBe('Wrong password');
    // The other formats the code writes.
    const names2: ObjectNames = { [`user:${admin.id}`]: { name: '管理员', nameEn: null }, [`user:${volunteerId}`]: { name: '王小明', nameEn: null } };
    const detail = (type: string, d: string, t = zh) => securityDetailText(t, { type, detail: d }, names2, 'zh-CN');
    expect(detail('role_changed', `move by ${admin.id}`)).toBe('由 管理员 调整站点');
    expect(detail('sessions_revoked', 'password reset (2)')).toBe('重置密码,退出 2 个登录');
    expect(detail('sessions_revoked', `suspension of volunteer ${volunteerId} (1)`)).toBe('志愿者 王小明 被暂停,退出 1 个登录');
    expect(detail('rate_limited', 'signInAccount,signInIp', en)).toBe('Sign-ins to one account, Sign-ins from one IP');
    expect(detail('permission_denied', '/admin/sites')).toBe('/admin/sites');
  });

  it('has a label in both languages for every rate limit a rate_limited event can name', () => {
    for (const rule of Object.keys(RATE_LIMITS)) {
      expect(securityDetailText(zh, { type: 'rate_limited', detail: rule }, {}, 'zh-CN'), rule).not.toBe(rule);
      expect(securityDetailText(en, { type: 'rate_limited', detail: rule }, {}, 'en'), rule).not.toBe(rule);
    }
  });
});
