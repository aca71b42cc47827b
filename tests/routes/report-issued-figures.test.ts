import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
import { findSnapshot } from '../../app/data/report-snapshots.server';
import { loadActor } from '../../app/data/actors.server';
import type { Actor } from '../../app/domain/actor';
import type { ReportFigures } from '../../app/domain/report';
import * as reportsRoute from '../../app/routes/reports._index';
import { issueReport } from '../../app/services/report-issue.server';
import type { ReportPageView } from '../../app/views/report-pages';
import { callRoute, cookieFor } from '../helpers/accounts';
import { useTestDatabase } from '../helpers/db';

// An issued period is shown on /reports from its frozen snapshot (README D35): the figures that were issued, said so,
// with a link to the issued report, whatever was corrected since; any other period or site is computed.

const { db } = useTestDatabase('report-issued-figures');
const one = (query: string, ...args: unknown[]) => db.$client.prepare(query).pluck().get(...args) as string;
const H1 = { from: '2025-01-01', to: '2025-06-30' };
let staff: string;
let admin: Actor;

beforeAll(() => {
  seedDemo(db, { now: Date.now(), passwordHash: 'x' });
  staff = cookieFor(one('select id from users where email = ?', 'staff@demo.local'));
  admin = loadActor(db.select().from(schema.users).where(eq(schema.users.email, 'admin@demo.local')).get()!, Date.now());
}, 120_000);

const page = async (url: string) => {
  const res = await callRoute(reportsRoute.loader, { url, cookie: staff });
  expect(res.status).toBe(200);
  const view = res.data as ReportPageView;
  expect(view.pending).toBe(false);
  return view;
};

describe('/reports for an issued period', () => {
  it('shows the issued figures after a record of the period changed, and says they are the issued ones', async () => {
    const issued = issueReport(admin, { ...H1, siteCode: 'wz' }, { now: Date.now(), ip: '127.0.0.1' } as never);
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    const frozen = JSON.parse(findSnapshot(issued.value.id)!.figures) as ReportFigures;
    expect(frozen.total.wishesFulfilled).toBe(466);
    // A correction: a wish fulfilled in the period is taken out of it.
    const wish = one("select id from wishes where status = 'fulfilled' and fulfilled_at between ? and ? order by id limit 1", Date.UTC(2025, 0, 1), Date.UTC(2025, 5, 29));
    db.$client.prepare('update wishes set fulfilled_at = ? where id = ?').run(Date.UTC(2025, 7, 1), wish);

    const shown = await page(`/reports?from=${H1.from}&to=${H1.to}&site=wz`);
    expect(shown.issued).toEqual({ id: issued.value.id, issuedAt: expect.any(Number) });
    expect(shown.figures).toEqual(frozen);
    expect(shown.figures.total.wishesFulfilled).toBe(466);
    expect(shown.asOf).toBeNull();

    // The same period over another site, and another period over the same site: computed from the records.
    const county = await page(`/reports?from=${H1.from}&to=${H1.to}&site=lt`);
    expect(county.issued).toBeNull();
    const other = await page(`/reports?from=2025-01-01&to=2025-07-31&site=wz`);
    expect(other.issued).toBeNull();
    // The staff member's own subtree (no site named) is the city: the issued report too.
    const own = await page(`/reports?from=${H1.from}&to=${H1.to}`);
    expect(own.issued?.id).toBe(issued.value.id);
    expect(own.figures.total.wishesFulfilled).toBe(466);
  });

  it('a period computed from the records sees the correction', async () => {
    const records = await page(`/reports?from=2025-01-01&to=2025-07-31&site=wz`);
    const withAugust = await page(`/reports?from=2025-01-01&to=2025-08-31&site=wz`);
    expect(withAugust.figures.total.wishesFulfilled).toBeGreaterThan(records.figures.total.wishesFulfilled);
  });
});
