import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { keptInBackground, reportWorkersIdle, sourceWorkerScript, useReportWorker, type KeptFigures } from '../../app/data/report-background.server';
import { loadReportCharts, type ReportChartRows } from '../../app/data/report-records.server';
import { countiesUnder, loadReportMeasures } from '../../app/data/reports.server';
import { assembleFigures, periodBounds, type AggregateRow, type CountyRef } from '../../app/domain/report';
import { expectConsoleError } from '../helpers/console';
import { useTestDatabase } from '../helpers/db';

// The report's figures recomputed in a worker thread (README D35), started from the TypeScript source as the dev
// server and the tests do (the compiled build/report-worker.js: tests/routes/report-page-html.test.ts). Out of date,
// the kept figures are served at once, marked, and replaced when the worker is done; an error is logged and the
// next request tries again.

const NOW = Date.UTC(2026, 10, 29, 2);
const { db } = useTestDatabase('report-worker');
seedDemo(db, { now: NOW, passwordHash: 'x' });
const root = path.resolve(__dirname, '../..');
useReportWorker(sourceWorkerScript(root));
afterAll(() => useReportWorker(null));

const bounds = periodBounds({ from: '2025-01-01', to: '2025-06-30' });
type Measures = { counties: CountyRef[]; rows: AggregateRow[] };
const measures = (rootPath = '/') => keptInBackground<Measures>({ kind: 'measures', rootPath, bounds });
const fulfilled = (kept: KeptFigures<Measures> | null) => (kept ? assembleFigures(kept.value.counties, kept.value.rows).total.wishesFulfilled : null);
const fresh = (rootPath = '/'): Measures => ({ counties: countiesUnder(rootPath), rows: loadReportMeasures(rootPath, bounds) });

/** Asks for the figures until they are current (the worker is done), or fails after the deadline. */
async function untilCurrent<T>(ask: () => KeptFigures<T> | null, seconds = 60): Promise<KeptFigures<T>> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const kept = ask();
    if (kept?.current) return kept;
    if (Date.now() > deadline) throw new Error(`not current after ${seconds} s`);
    await reportWorkersIdle();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Takes a fulfilled wish of the period out of it, written outside the data modules (as another process would). */
function unfulfilOne(): void {
  const id = db.$client
    .prepare("select id from wishes where status = 'fulfilled' and fulfilled_at between ? and ? order by id limit 1")
    .pluck()
    .get(bounds.fromMs, bounds.toMs) as string;
  db.$client.prepare('update wishes set fulfilled_at = ? where id = ?').run(bounds.toMs + 86_400_000, id);
}

describe('figures recomputed in a worker', () => {
  it('none kept yet: nothing to show (never zeros) while the worker computes them, then the figures the thread would compute', async () => {
    expect(measures()).toBeNull();
    // Asked again while it runs: still nothing, and no second computation of the same figures.
    expect(measures()).toBeNull();
    const kept = await untilCurrent(() => measures());
    expect(kept.value).toEqual(fresh());
    expect(fulfilled(kept)).toBe(466);
    const charts = await untilCurrent(() => keptInBackground<ReportChartRows>({ kind: 'charts', rootPath: '/', bounds }));
    expect(charts.value).toEqual(loadReportCharts('/', bounds));
    // A county's subtree: its own entry, equal to the thread's computation too.
    const wz = db.$client.prepare("select path from sites where code = 'lt'").pluck().get() as string;
    expect((await untilCurrent(() => measures(wz))).value).toEqual(fresh(wz));
  });

  it('after a write: the older figures at once, marked with when they were computed, then the recomputed ones', async () => {
    const before = await untilCurrent(() => measures());
    unfulfilOne();
    const stale = measures();
    expect(stale?.current).toBe(false);
    expect(stale?.computedAt).toBe(before.computedAt);
    expect(fulfilled(stale)).toBe(466);
    const after = await untilCurrent(() => measures());
    expect(after.value).toEqual(fresh());
    expect(fulfilled(after)).toBe(465);
    expect(after.computedAt).toBeGreaterThanOrEqual(before.computedAt);
  });

  it('an error in the worker is logged and the next request tries again', async () => {
    await untilCurrent(() => measures());
    expectConsoleError();
    const errors = () => (globalThis as unknown as { __consoleErrors: unknown[][] }).__consoleErrors.map((c) => String(c[0])).join('\n');
    try {
      useReportWorker({ compiled: path.join(root, 'build/no-such-worker.js') });
      unfulfilOne();
      expect(fulfilled(measures())).toBe(465);
      await reportWorkersIdle();
      expect(errors()).toContain('report recomputation failed');
      // Still the older figures, still out of date; the process goes on.
      expect(measures()?.current).toBe(false);
      await reportWorkersIdle();
    } finally {
      useReportWorker(sourceWorkerScript(root));
    }
    const after = await untilCurrent(() => measures());
    expect(fulfilled(after)).toBe(464);
    expect(after.value).toEqual(fresh());
  });
});
