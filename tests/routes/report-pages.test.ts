import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { FIGURE_KEYS, FIGURES, CSV_BOM, paragraphText, type FigureKey } from '../../app/domain/report';
import { ONE_PER_RECORD } from '../../app/domain/report-pages';
import * as reportsRoute from '../../app/routes/reports._index';
import * as recordsRoute from '../../app/routes/reports.records';
import * as figuresCsvRoute from '../../app/routes/reports.export[.]csv';
import * as recordsCsvRoute from '../../app/routes/reports.records[.]csv';
import type { ReportPageView, ReportRecordsView } from '../../app/views/report-pages';
import { callRoute, cookieFor, createUser, testContext } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';

// /reports, /reports/records and the CSV exports on the demo data: the letter's figures for the first half
// of 2025, the same period a year earlier, staff of a county kept to their subtree, the records behind every
// figure adding up to it, and no child's real name in any CSV.

const { db } = useTestDatabase('report-pages');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];
const letter = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../shared/spec/letter-figures.json'), 'utf8')) as {
  figures: Record<string, { value: number }>;
};
const H1 = 'from=2025-01-01&to=2025-06-30';

let city: string;
let county: string;
let admin: string;
let volunteer: string;

beforeAll(async () => {
  seedDemo(db, { now: Date.now(), passwordHash: 'x' });
  const id = (email: string) => sql<{ id: string }>('select id from users where email = ?', email)[0].id;
  city = cookieFor(id('staff@demo.local'));
  county = cookieFor(id('staff.lt@demo.local'));
  admin = cookieFor(id('admin@demo.local'));
  volunteer = (await createUser(db, { volunteer: { status: 'approved' } })).cookie();
}, 120_000);

const page = async (url: string, cookie = city) => {
  const res = await callRoute(reportsRoute.loader, { url, cookie });
  expect(res.status).toBe(200);
  const view = res.data as ReportPageView;
  // Computed in the test's thread (no worker): never pending, charts included.
  expect(view.pending).toBe(false);
  expect(view.charts).not.toBeNull();
  return view as ReportPageView & { charts: NonNullable<ReportPageView['charts']> };
};
/** A CSV route's body as bytes decoded by hand: Response.text() drops a leading BOM, which is what we check. */
const csv = async (route: { loader: unknown }, url: string, cookie = city) => {
  const request = new Request(`http://localhost${url}`, { headers: { cookie } });
  const res = (await (route.loader as (args: unknown) => Promise<Response>)({ request, params: {}, context: testContext() })) as Response;
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
};
const BOM_BYTES = [0xef, 0xbb, 0xbf];

const records = async (url: string, cookie = city) => {
  const res = await callRoute(recordsRoute.loader, { url, cookie });
  expect(res.status).toBe(200);
  return res.data as ReportRecordsView;
};

describe('/reports', () => {
  it('shows the letter’s figures for the first half of 2025 over the city, and the paragraph in its words', async () => {
    const report = await page(`/reports?${H1}&site=wz`);
    expect(report.site?.code).toBe('wz');
    for (const [key, { value }] of Object.entries(letter.figures)) expect(report.figures.total[key as FigureKey], key).toBe(value);
    const zh = paragraphText(report.paragraph.zh);
    expect(zh).toContain('实现微心愿 466 个');
    expect(zh).toContain('发放慰问金、慰问品总计 15.3 万元');
    expect(paragraphText(report.paragraph.en)).toContain('466 micro-wishes fulfilled');
    // Each number of the paragraph names its figure, so the page can link it to the figure's row.
    const numbers = report.paragraph.zh.filter((s) => 'figure' in s);
    expect(numbers.length).toBeGreaterThanOrEqual(Object.keys(letter.figures).length);
    // The same period a year earlier, and a closed period that may be issued.
    expect(report.priorPeriod).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(report.prior.total.wishesFulfilled).not.toBe(466);
    expect(report.canIssue).toBe(true);
    expect(report.preset).toBeNull();
    // The charts: one bar per month of the period adding up to the figure; the counties' coverage.
    expect(report.charts.fulfilledPerMonth.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(report.charts.fulfilledPerMonth.reduce((n, m) => n + m.value, 0)).toBe(466);
    expect(report.charts.fulfilledPerMonth[0]).toMatchObject({ from: '2025-01-01', to: '2025-01-31' });
    expect(report.charts.heldPerType.length).toBeGreaterThan(0);
    expect(report.charts.servedPerCounty.map((c) => c.county.code)).toEqual(report.figures.byCounty.map((c) => c.county.code));
  });

  it('opens on the current half-year, which is not over and so cannot be issued yet', async () => {
    const report = await page('/reports');
    expect(report.preset).toBe('this_half');
    expect(report.canIssue).toBe(false);
    expect(report.presets.map((p) => p.preset)).toEqual(['this_half', 'last_half', 'this_year']);
  });

  it('keeps county staff to their subtree: their county by default, refused the city or another county', async () => {
    const report = await page(`/reports?${H1}`, county);
    expect(report.site?.code).toBe('lt');
    expect(report.figures.byCounty.map((c) => c.county.code)).toEqual(['lt']);
    expect(report.sites.map((s) => s.code)).toEqual(['lt']);
    expect(report.allSites).toBe(false);
    const whole = await page(`/reports?${H1}&site=wz`);
    const lt = whole.figures.byCounty.find((c) => c.county.code === 'lt')!;
    expect(report.figures.total.wishesFulfilled).toBe(lt.figures.wishesFulfilled);
    expect(report.figures.total.wishesFulfilled).toBeLessThan(466);

    const other = sql<{ code: string }>("select code from sites where kind = 'county' and code != 'lt' limit 1")[0].code;
    for (const site of ['wz', other]) {
      for (const route of [reportsRoute, recordsRoute, figuresCsvRoute, recordsCsvRoute]) {
        const res = await callRoute(route.loader, { url: `/reports?${H1}&site=${site}&figure=wishesFulfilled`, cookie: county });
        expect(res.status, `${site}`).toBe(403);
      }
    }
  });

  it('is for staff and admins only; an admin picks any site or everything', async () => {
    for (const route of [reportsRoute, recordsRoute, figuresCsvRoute, recordsCsvRoute]) {
      const res = await callRoute(route.loader, { url: `/reports?${H1}&figure=childrenCareServed`, cookie: volunteer });
      expect(res.status).toBe(403);
    }
    const everything = await page(`/reports?${H1}`, admin);
    expect(everything.site).toBeNull();
    expect(everything.allSites).toBe(true);
    expect(everything.sites.map((s) => s.code)).toContain('lt');
  });

  it('reads a period out of order as the current half-year and says why', async () => {
    const report = await page('/reports?from=2025-06-30&to=2025-01-01');
    expect(report.problem).toBe('report.error.to_before_from');
    expect(report.preset).toBe('this_half');
  });
});

describe('/reports/records', () => {
  it('lists exactly the records each figure counts: as many as the figure for every count figure, their weights adding up to every sum', async () => {
    const report = await page(`/reports?${H1}&site=wz`);
    for (const key of FIGURE_KEYS) {
      const view = await records(`/reports/records?${H1}&site=wz&figure=${key}`);
      const figure = report.figures.total[key];
      expect(view.value, key).toBe(figure);
      if (ONE_PER_RECORD.includes(key)) expect(view.total, key).toBe(figure);
      if (key === 'fulfilmentRate') expect(Math.round((1000 * view.sum) / view.total) / 10, key).toBe(figure);
      else expect(Math.round(view.sum * 10) / 10, key).toBeCloseTo(figure, 1);
      if (FIGURES[key].format === 'count' && figure > 0) expect(view.total, key).toBeGreaterThan(0);
    }
  }, 120_000);

  it('adds up to a county’s figure too, for the county’s staff', async () => {
    const report = await page(`/reports?${H1}`, county);
    for (const key of ONE_PER_RECORD) {
      const view = await records(`/reports/records?${H1}&figure=${key}`, county);
      expect(view.total, key).toBe(report.figures.total[key]);
    }
  });

  it('links each record to its staff page, fifty to a page', async () => {
    const wishes = await records(`/reports/records?${H1}&site=wz&figure=wishesFulfilled`);
    expect(wishes.paging).toEqual({ page: 1, pages: Math.ceil(466 / 50), total: 466 });
    expect(wishes.records).toHaveLength(50);
    expect(wishes.records.every((r) => r.href === `/staff/wishes/${r.id}`)).toBe(true);
    const second = await records(`/reports/records?${H1}&site=wz&figure=wishesFulfilled&page=2`);
    expect(second.records[0].id).not.toBe(wishes.records[0].id);

    const expected: Array<[FigureKey, RegExp]> = [
      ['safetyTalks', /^\/staff\/slots\//],
      ['homeVisits', /^\/staff\/(slots|pairings)\//],
      ['moneyAndGoodsYuan', /^\/staff\/(claims|slots)\//],
      ['socialOrganizations', /^\/staff\/helpers\//],
      ['caringParents', /^\/staff\/helpers\//],
      ['childrenCareServed', /^\/staff\/children\//],
    ];
    for (const [key, href] of expected) {
      const view = await records(`/reports/records?${H1}&site=wz&figure=${key}`);
      expect(view.records.length, key).toBeGreaterThan(0);
      for (const r of view.records) expect(r.href, key).toMatch(href);
    }
  });

  it('answers 404 without a known figure', async () => {
    const res = await callRoute(recordsRoute.loader, { url: `/reports/records?${H1}&figure=nonsense`, cookie: city });
    expect(res.status).toBe(404);
  });
});

describe('CSV exports', () => {
  it('exports the figures with a BOM, the right columns and the same period a year earlier', async () => {
    const { res, bytes, text } = await csv(figuresCsvRoute, `/reports/export.csv?${H1}&site=wz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect([...bytes.slice(0, 3)]).toEqual(BOM_BYTES);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('指标代码,指标,县区,数值,去年同期,单位,统计口径');
    const report = await page(`/reports?${H1}&site=wz`);
    const total = lines.find((l) => l.startsWith('wishesFulfilled,') && l.includes('(合计)'))!;
    expect(total.split(',').slice(3, 5)).toEqual(['466', String(report.prior.total.wishesFulfilled)]);
    expect(lines.length).toBe(1 + FIGURE_KEYS.length * (1 + report.figures.byCounty.length));
  });

  it('exports the records behind a figure with a BOM, and never a child’s real name nor a concern', async () => {
    const names = sql<{ real_name: string }>('select real_name from children').map((c) => c.real_name);
    const concerns = sql<{ text: string }>('select text from pairing_concerns').map((c) => c.text);
    expect(names.length).toBeGreaterThan(0);
    for (const key of FIGURE_KEYS) {
      const { res, bytes, text } = await csv(recordsCsvRoute, `/reports/records.csv?${H1}&site=wz&figure=${key}`);
      expect(res.status).toBe(200);
      expect([...bytes.slice(0, 3)], key).toEqual(BOM_BYTES);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('类别,记录编号,记录,站点,日期,计入数');
      if (ONE_PER_RECORD.includes(key)) {
        const report = await page(`/reports?${H1}&site=wz`);
        expect(lines.length - 1, key).toBe(report.figures.total[key]);
      }
      const cells = new Set(lines.slice(1).flatMap((l) => l.split(',')));
      for (const name of names) expect(cells.has(name), `${key}: ${name}`).toBe(false);
      for (const concern of concerns) expect(text.includes(concern), key).toBe(false);
    }
    const figures = await csv(figuresCsvRoute, `/reports/export.csv?${H1}&site=wz`);
    for (const name of names) expect(figures.text.includes(name)).toBe(false);
  }, 120_000);
});

