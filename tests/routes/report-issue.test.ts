import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import type { Actor } from '../../app/domain/actor';
import { CSV_BOM, FIGURE_KEYS } from '../../app/domain/report';
import { currentHalfYear, DASHBOARD_FIGURES } from '../../app/domain/report-issue';
import { shanghaiDate } from '../../app/domain/calendar';
import { correctSlot } from '../../app/services/activity-slots.server';
import { reportFor } from '../../app/services/reports.server';
import * as listRoute from '../../app/routes/reports.issued._index';
import * as issuedRoute from '../../app/routes/reports.issued.$id';
import * as fileRoute from '../../app/routes/reports.issued.$id_.$file';
import * as staffRoute from '../../app/routes/staff._index';
import * as adminRoute from '../../app/routes/admin._index';
import { callRoute, cookieFor, testContext } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';
import type { IssuedReportView, ReportDashboardView } from '../../app/views/report-issue';

// Issued reports on the demo data: issuing freezes the figures, a later correction shows as a count and as
// live figures that differ, a re-issue supersedes and is audited, an open period cannot be issued, another
// county's staff can neither issue nor see it, the downloads, and the dashboards of /staff and /admin.

const { db } = useTestDatabase('report-issue');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];
const one = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).get(...args) as T;
const META = { ip: '127.0.0.1', now: Date.now() };
const H1 = { from: '2025-01-01', to: '2025-06-30' };

let staff: { id: string; cookie: string; actor: Actor };
let staffLt: { id: string; cookie: string };
let admin: { id: string; cookie: string; actor: Actor };

function demoUser(email: string) {
  const u = one<{ id: string }>('select id from users where email = ?', email);
  return { id: u.id, cookie: cookieFor(u.id) };
}

beforeAll(() => {
  seedDemo(db, { now: Date.now(), passwordHash: 'x' });
  const s = demoUser('staff@demo.local');
  const city = one<{ id: string; path: string }>("select id, path from sites where code = 'wz'");
  staff = { ...s, actor: { userId: s.id, admin: false, staff: { siteId: city.id, sitePath: city.path }, volunteer: null, orgs: [] } };
  staffLt = demoUser('staff.lt@demo.local');
  const a = demoUser('admin@demo.local');
  admin = { ...a, actor: { userId: a.id, admin: true, staff: null, volunteer: null, orgs: [] } };
});

async function issue(cookie: string, form: Record<string, string>) {
  return callRoute(listRoute.action, { url: '/reports/issued', cookie, form: { intent: 'issue', ...form } });
}
async function page(cookie: string, id: string) {
  return callRoute(issuedRoute.loader, { url: `/reports/issued/${id}`, cookie, params: { id } });
}
const idFrom = (location: string | null) => /^\/reports\/issued\/([a-z2-7]+)\?done=/.exec(location ?? '')![1];

describe('issuing a report of the first half of 2025 over 吴忠市', () => {
  let issuedId: string;
  /** A closed film screening of the period in the city (any county). */
  let slot: { id: string; children_served: number; money_fen: number; goods_fen: number; materials: number; sessions: number };

  it('freezes the figures, records who issued it and when, and audits it', async () => {
    const res = await issue(staff.cookie, { ...H1, site: 'wz' });
    expect(res.status).toBe(302);
    issuedId = idFrom(res.location);
    const shown = (await page(staff.cookie, issuedId)).data as { report: IssuedReportView };
    expect(shown.report.figures.total.wishesFulfilled).toBe(466);
    expect(shown.report.figures.total.filmScreeningCoverage).toBe(308);
    expect(shown.report.paragraphZh).toContain('实现微心愿 466 个');
    expect(shown.report.issuedByName).toBeTruthy();
    expect(shown.report.corrections).toBe(0);
    expect(shown.report.changed).toEqual([]);
    const audit = sql<{ actor_id: string; note: string }>("select actor_id, note from audit_events where action = 'report.issue'");
    expect(audit).toEqual([{ actor_id: staff.id, note: `${issuedId} 2025-01-01…2025-06-30` }]);
  });

  it('a later correction changes the live report but not the issued one, and the count goes to 1', async () => {
    slot = one(
      `select s.id, s.children_served, coalesce(s.money_fen,0) as money_fen, coalesce(s.goods_fen,0) as goods_fen, coalesce(s.materials,0) as materials, coalesce(s.sessions,1) as sessions
       from slots s join activities a on a.id = s.activity_id
       where a.type = 'film_screening' and s.status = 'closed' and s.starts_at between ? and ? limit 1`,
      Date.UTC(2025, 0, 1) - 8 * 3600_000,
      Date.UTC(2025, 5, 30, 16) - 1,
    );
    const childIds = sql<{ child_id: string }>('select child_id from slot_children where slot_id = ?', slot.id).map((r) => r.child_id);
    const corrected = correctSlot(
      staff.actor,
      slot.id,
      { childrenServed: slot.children_served + 1, childIds, moneyFen: slot.money_fen, goodsFen: slot.goods_fen, materials: slot.materials, sessions: slot.sessions },
      '漏记一名儿童',
      Date.now(),
    );
    expect(corrected.ok).toBe(true);
    const live = reportFor(staff.actor, { ...H1, siteCode: 'wz' }, META);
    expect(live.ok && live.value.figures.total.filmScreeningCoverage).toBe(309);

    const shown = ((await page(staff.cookie, issuedId)).data as { report: IssuedReportView }).report;
    expect(shown.figures.total.filmScreeningCoverage).toBe(308);
    expect(shown.corrections).toBe(1);
    expect(shown.changed).toEqual(['filmScreeningCoverage']);
    expect(shown.live.filmScreeningCoverage).toBe(309);
  });

  it('a correction of a record outside the period does not count', async () => {
    const later = one<{ id: string; children_served: number }>(
      `select s.id, s.children_served from slots s where s.status = 'closed' and s.starts_at > ? and s.site_id in (select id from sites where code like 'lt%') limit 1`,
      Date.UTC(2025, 7, 1),
    );
    const childIds = sql<{ child_id: string }>('select child_id from slot_children where slot_id = ?', later.id).map((r) => r.child_id);
    const full = one<{ money_fen: number; goods_fen: number; materials: number; sessions: number }>(
      'select coalesce(money_fen,0) as money_fen, coalesce(goods_fen,0) as goods_fen, coalesce(materials,0) as materials, coalesce(sessions,1) as sessions from slots where id = ?',
      later.id,
    );
    const r = correctSlot(staff.actor, later.id, { childrenServed: later.children_served + 1, childIds, moneyFen: full.money_fen, goodsFen: full.goods_fen, materials: full.materials, sessions: full.sessions }, '更正', Date.now());
    expect(r.ok).toBe(true);
    expect(((await page(staff.cookie, issuedId)).data as { report: IssuedReportView }).report.corrections).toBe(1);
  });

  it('a re-issue supersedes it, carries the corrected figures, and is audited with its reason', async () => {
    expect((await callRoute(issuedRoute.action, { url: `/reports/issued/${issuedId}`, cookie: staff.cookie, params: { id: issuedId }, form: { intent: 'reissue', reason: '' } })).status).toBe(400);
    const res = await callRoute(issuedRoute.action, { url: `/reports/issued/${issuedId}`, cookie: staff.cookie, params: { id: issuedId }, form: { intent: 'reissue', reason: '观影人次更正' } });
    expect(res.status).toBe(302);
    const newId = idFrom(res.location);
    expect(newId).not.toBe(issuedId);

    const old = ((await page(staff.cookie, issuedId)).data as { report: IssuedReportView }).report;
    expect(old.supersededAt).not.toBeNull();
    expect(old.supersededById).toBe(newId);
    expect(old.figures.total.filmScreeningCoverage).toBe(308);

    const fresh = ((await page(staff.cookie, newId)).data as { report: IssuedReportView }).report;
    expect(fresh.supersedesId).toBe(issuedId);
    expect(fresh.figures.total.filmScreeningCoverage).toBe(309);
    expect(fresh.corrections).toBe(0);
    expect(fresh.changed).toEqual([]);

    const audit = sql<{ actor_id: string; note: string }>("select actor_id, note from audit_events where action = 'report.reissue'");
    expect(audit).toEqual([{ actor_id: staff.id, note: `${newId} ← ${issuedId}: 观影人次更正` }]);
    // The replaced issue cannot be re-issued a second time.
    const again = await callRoute(issuedRoute.action, { url: `/reports/issued/${issuedId}`, cookie: staff.cookie, params: { id: issuedId }, form: { intent: 'reissue', reason: '再来' } });
    expect(again.status).toBe(409);

    const list = (await callRoute(listRoute.loader, { url: '/reports/issued', cookie: staff.cookie })).data as { items: Array<{ id: string; supersededAt: number | null }> };
    expect(list.items.map((i) => i.id)).toEqual([newId, issuedId]);
  });

  it('the downloads: the frozen figures as CSV with a BOM, and as text with the paragraph', async () => {
    const csv = await callRoute(fileRoute.loader, { url: `/reports/issued/${issuedId}/report.csv`, cookie: staff.cookie, params: { id: issuedId, file: 'report.csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="report-wz-2025-01-01-2025-06-30.csv"');
    // Response.text() drops a BOM, so the bytes are read as they are sent.
    const raw = (await fileRoute.loader({
      request: new Request(`http://localhost/reports/issued/${issuedId}/report.csv`, { headers: { cookie: staff.cookie } }),
      params: { id: issuedId, file: 'report.csv' },
      context: testContext(),
    })) as Response;
    const bytes = new Uint8Array(await raw.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(body.startsWith(CSV_BOM)).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('指标代码,指标,县区,数值,单位,统计口径');
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(FIGURE_KEYS));
    expect(lines.find((l) => l.startsWith('filmScreeningCoverage,') && l.includes('吴忠市(合计)'))).toContain(',308,');

    const txt = await callRoute(fileRoute.loader, { url: `/reports/issued/${issuedId}/report.txt`, cookie: staff.cookie, params: { id: issuedId, file: 'report.txt' } });
    expect(txt.status).toBe(200);
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(txt.data as string).toContain('实现微心愿 466 个');
    expect(txt.data as string).toContain('2025-01-01');

    expect((await callRoute(fileRoute.loader, { url: `/reports/issued/${issuedId}/report.pdf`, cookie: staff.cookie, params: { id: issuedId, file: 'report.pdf' } })).status).toBe(404);
    expect((await callRoute(fileRoute.loader, { url: `/reports/issued/${issuedId}/report.csv`, params: { id: issuedId, file: 'report.csv' } })).location).toMatch(/^\/login/);
  });

  it("another county's staff can neither see it, download it, nor issue for the city or another county", async () => {
    expect((await page(staffLt.cookie, issuedId)).status).toBe(404);
    expect((await callRoute(fileRoute.loader, { url: `/reports/issued/${issuedId}/report.csv`, cookie: staffLt.cookie, params: { id: issuedId, file: 'report.csv' } })).status).toBe(404);
    const reissue = await callRoute(issuedRoute.action, { url: `/reports/issued/${issuedId}`, cookie: staffLt.cookie, params: { id: issuedId }, form: { intent: 'reissue', reason: '试试' } });
    expect(reissue.status).toBe(404);
    const list = (await callRoute(listRoute.loader, { url: '/reports/issued', cookie: staffLt.cookie })).data as { items: unknown[] };
    expect(list.items).toEqual([]);

    const before = one<{ n: number }>('select count(*) as n from report_snapshots').n;
    expect((await issue(staffLt.cookie, { ...H1, site: 'wz' })).status).toBe(403);
    expect((await issue(staffLt.cookie, { ...H1, site: 'hsb' })).status).toBe(403);
    expect(one<{ n: number }>('select count(*) as n from report_snapshots').n).toBe(before);

    // Their own county: issued (without a site, their own), seen by them and by the city's staff.
    const own = await issue(staffLt.cookie, H1);
    expect(own.status).toBe(302);
    const ownId = idFrom(own.location);
    const shown = ((await page(staffLt.cookie, ownId)).data as { report: IssuedReportView }).report;
    expect(shown.site.code).toBe('lt');
    expect(shown.figures.byCounty.map((c) => c.county.code)).toEqual(['lt']);
    expect((await page(staff.cookie, ownId)).status).toBe(200);
  });
});

describe('an open period', () => {
  it('cannot be issued: a period ending today or later is refused, and nothing is written', async () => {
    const before = one<{ n: number }>('select count(*) as n from report_snapshots').n;
    const today = shanghaiDate(Date.now());
    const res = await issue(staff.cookie, { from: '2026-07-01', to: today, site: 'wz' });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ ok: false, message: { key: 'report.issue.error.not_closed' }, fieldErrors: { to: ['report.issue.error.not_closed'] } });
    expect((await issue(admin.cookie, { ...currentHalfYear(Date.now()), site: 'wz' })).status).toBe(400);
    expect((await issue(staff.cookie, { from: '2025-06-30', to: '2025-01-01', site: 'wz' })).status).toBe(400);
    expect(one<{ n: number }>('select count(*) as n from report_snapshots').n).toBe(before);
  });

  it('an admin may issue a closed period without naming a site: the top of the tree', async () => {
    const res = await issue(admin.cookie, { from: '2025-07-01', to: '2025-12-31' });
    expect(res.status).toBe(302);
    const shown = ((await page(admin.cookie, idFrom(res.location))).data as { report: IssuedReportView }).report;
    expect(shown.site.code).toBe('wz');
    expect(shown.period).toEqual({ from: '2025-07-01', to: '2025-12-31' });
  });
});

describe('the dashboards', () => {
  const expectFigures = (view: ReportDashboardView, live: { figures: { total: Record<string, number> } }) => {
    expect(view.period).toEqual(currentHalfYear(Date.now()));
    expect(view.figures.map((f) => f.key)).toEqual(DASHBOARD_FIGURES);
    for (const f of view.figures) expect(f.value, f.key).toBe(live.figures.total[f.key]);
  };

  it('/staff opens with the half-year figures of the staff member’s subtree and one chart of its counties', async () => {
    const res = await callRoute(staffRoute.loader, { url: '/staff', cookie: staff.cookie });
    const view = (res.data as { report: ReportDashboardView }).report;
    const live = reportFor(staff.actor, currentHalfYear(Date.now()), META);
    if (!live.ok) throw new Error('report');
    expectFigures(view, live.value);
    expect(view.site?.code).toBe('wz');
    expect(view.figures.find((f) => f.key === 'wishesFulfilled')!.value).toBeGreaterThan(0);
    expect(view.byCounty.reduce((s, c) => s + c.wishesFulfilled, 0)).toBe(live.value.figures.total.wishesFulfilled);

    const lt = (await callRoute(staffRoute.loader, { url: '/staff', cookie: staffLt.cookie })).data as { report: ReportDashboardView };
    expect(lt.report.site?.code).toBe('lt');
    expect(lt.report.byCounty.map((c) => c.code)).toEqual(['lt']);
  });

  it('/admin opens with the half-year figures of everything', async () => {
    const res = await callRoute(adminRoute.loader, { url: '/admin', cookie: admin.cookie });
    const view = (res.data as { report: ReportDashboardView }).report;
    const live = reportFor(admin.actor, currentHalfYear(Date.now()), META);
    if (!live.ok) throw new Error('report');
    expectFigures(view, live.value);
    expect(view.site).toBeNull();
  });
});
