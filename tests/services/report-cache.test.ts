import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
import { loadActor } from '../../app/data/actors.server';
import { tableVersion } from '../../app/data/count-cache.server';
import { countiesUnder, keptReportMeasures, loadReportMeasures, REPORT_TABLES } from '../../app/data/reports.server';
import { keptReportCharts, loadReportCharts } from '../../app/data/report-records.server';
import { findSnapshot } from '../../app/data/report-snapshots.server';
import type { Actor } from '../../app/domain/actor';
import { assembleFigures, periodBounds, type ReportFigures } from '../../app/domain/report';
import { issueReport } from '../../app/services/report-issue.server';
import { useTestDatabase } from '../helpers/db';

// The report's figures are kept per subtree and period (README D35) until a table the report reads changes. Each
// write below, made outside the data modules, changes a figure: the kept figures must follow it, equal to the
// figures computed afresh from the records.

const NOW = Date.UTC(2026, 10, 29, 2);
const { db } = useTestDatabase('report-cache');
seedDemo(db, { now: NOW, passwordHash: 'x' });
const H1 = { from: '2025-01-01', to: '2025-06-30' };
const bounds = periodBounds(H1);
const { fromMs, toMs } = bounds;
const run = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params).changes;
const one = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).pluck().get(...params) as string | number;

const kept = (root = '/'): ReportFigures => {
  const { counties, rows } = keptReportMeasures(root, bounds);
  return assembleFigures(counties, rows);
};
const fresh = (root = '/'): ReportFigures => assembleFigures(countiesUnder(root), loadReportMeasures(root, bounds));

/** A held slot of the period (closed, starting in it, activity approved or completed), of one type if given. */
const heldSlot = (type?: string) =>
  one(
    `select s.id from slots s join activities a on a.id = s.activity_id
     where s.status = 'closed' and s.starts_at between ? and ? and a.status in ('approved', 'completed') ${type ? `and a.type = '${type}'` : ''}
     order by s.id limit 1`,
    fromMs,
    toMs,
  ) as string;

/** Asserts that `write` changes the table's version and the figure, and that the kept figures follow it. */
function follows(table: (typeof REPORT_TABLES)[number], write: () => void, changed: (before: ReportFigures, after: ReportFigures) => boolean) {
  const before = kept();
  expect(before).toEqual(fresh());
  const version = tableVersion(table);
  write();
  expect(tableVersion(table)).not.toBe(version);
  const after = fresh();
  expect(changed(before, after), `the write to ${table} changes a figure`).toBe(true);
  expect(kept()).toEqual(after);
}

describe('kept report figures', () => {
  it('are the figures computed from the records, kept until a table changes', () => {
    expect(kept()).toEqual(fresh());
    expect(kept().total.wishesFulfilled).toBe(466);
    // Kept: the same rows come back while nothing changed.
    expect(keptReportMeasures('/', bounds)).toBe(keptReportMeasures('/', bounds));
  });

  it('every table the report reads has a version the triggers bump', () => {
    for (const table of REPORT_TABLES) {
      const version = tableVersion(table);
      expect(version, table).not.toBe('');
      run(`update ${table} set rowid = rowid where rowid = (select min(rowid) from ${table})`);
      expect(tableVersion(table), table).not.toBe(version);
    }
  });

  it('follow a wish fulfilled in the period being withdrawn', () => {
    follows(
      'wishes',
      () => run(`update wishes set status = 'withdrawn' where id = (select id from wishes where status = 'fulfilled' and fulfilled_at between ? and ? limit 1)`, fromMs, toMs),
      (b, a) => a.total.wishesFulfilled === b.total.wishesFulfilled - 1,
    );
  });

  it("follow a confirmed claim's value", () => {
    follows(
      'claims',
      () => run(`update claims set value_received_fen = coalesce(value_received_fen, 0) + 10000 where id = (select id from claims where status = 'confirmed' and confirmed_at between ? and ? limit 1)`, fromMs, toMs),
      (b, a) => a.total.moneyAndGoodsYuan === b.total.moneyAndGoodsYuan + 100,
    );
  });

  it("follow a held slot's correction and its activity's status", () => {
    const film = heldSlot('film_screening');
    follows('slots', () => run(`update slots set children_served = coalesce(children_served, 0) + 7 where id = ?`, film), (b, a) => a.total.filmScreeningCoverage === b.total.filmScreeningCoverage + 7);
    follows(
      'activities',
      () => run(`update activities set status = 'cancelled' where id = (select activity_id from slots where id = ?)`, film),
      (b, a) => a.total.filmScreenings < b.total.filmScreenings,
    );
  });

  it('follow the minutes credited to a sign-up', () => {
    follows(
      'slot_signups',
      () =>
        run(
          `update slot_signups set service_minutes = coalesce(service_minutes, 0) + 600 where id = (
             select g.id from slot_signups g join slots s on s.id = g.slot_id join activities a on a.id = s.activity_id
             where g.attendance = 'attended' and s.status = 'closed' and s.starts_at between ? and ? and a.status in ('approved', 'completed') limit 1)`,
          fromMs,
          toMs,
        ),
      (b, a) => a.total.serviceHours === Math.round((b.total.serviceHours + 10) * 10) / 10,
    );
  });

  it('follow the children of held care slots', () => {
    const careSlots = `select s.id from slots s join activities a on a.id = s.activity_id
      where s.status = 'closed' and s.starts_at between ${fromMs} and ${toMs} and a.status in ('approved', 'completed')
        and a.type in ('temporary_care', 'family_education', 'legal_aid', 'crisis_intervention')`;
    const child = one(`select child_id from slot_children where slot_id in (${careSlots}) limit 1`);
    follows('slot_children', () => run(`delete from slot_children where child_id = ? and slot_id in (${careSlots})`, child), (b, a) => a.total.childrenCareServed === b.total.childrenCareServed - 1);
  });

  it('follow a confirmed pairing contact, a pairing and a caring parent', () => {
    follows(
      'pairing_visits',
      () => run(`update pairing_visits set minutes = minutes + 120 where id = (select id from pairing_visits where status = 'confirmed' and happened_at between ? and ? limit 1)`, fromMs, toMs),
      (b, a) => a.total.serviceHours === Math.round((b.total.serviceHours + 2) * 10) / 10,
    );
    const parents = `select pr.volunteer_user_id from pairings pr join volunteers v on v.user_id = pr.volunteer_user_id
      where v.status = 'approved' and v.caring_parent = 1 and pr.started_at <= ${toMs} and (pr.ended_at is null or pr.ended_at >= ${fromMs})`;
    const parent = one(`${parents} order by 1 limit 1`);
    follows('pairings', () => run(`update pairings set started_at = null where volunteer_user_id = ?`, parent), (b, a) => a.total.caringParents === b.total.caringParents - 1);
    const another = one(`${parents} order by 1 limit 1`);
    follows('volunteers', () => run(`update volunteers set caring_parent = 0 where user_id = ?`, another), (b, a) => a.total.caringParents === b.total.caringParents - 1);
  });

  it('follow an engaged organization being suspended', () => {
    const org = one(
      `select c.org_id from claims c join organizations o on o.id = c.org_id
       where c.status = 'confirmed' and c.confirmed_at between ? and ? and o.status = 'approved' and o.kind = 'company' limit 1`,
      fromMs,
      toMs,
    );
    follows('organizations', () => run(`update organizations set status = 'suspended' where id = ?`, org), (b, a) => a.total.companies === b.total.companies - 1);
  });

  it("follow a county's name", () => {
    follows(
      'sites',
      () => run(`update sites set name_zh = name_zh || '（新）' where id = (select id from sites where kind = 'county' order by path limit 1)`),
      (b, a) => a.byCounty[0]!.county.nameZh !== b.byCounty[0]!.county.nameZh,
    );
  });

  it("the charts follow a write, like the figures", () => {
    const before = keptReportCharts('/', bounds);
    expect(before).toEqual(loadReportCharts('/', bounds));
    run(`update wishes set status = 'withdrawn' where id = (select id from wishes where status = 'fulfilled' and fulfilled_at between ? and ? limit 1)`, fromMs, toMs);
    const after = loadReportCharts('/', bounds);
    expect(after.fulfilledPerMonth).not.toEqual(before.fulfilledPerMonth);
    expect(keptReportCharts('/', bounds)).toEqual(after);
  });

  it('an issued report freezes the figures as they stand at issue time, not as they were kept before a write', () => {
    const user = db.select().from(schema.users).where(eq(schema.users.email, 'admin@demo.local')).get()!;
    const admin: Actor = loadActor(user, NOW);
    kept('/wz/');
    run(`update wishes set status = 'withdrawn' where id = (select id from wishes where status = 'fulfilled' and fulfilled_at between ? and ? limit 1)`, fromMs, toMs);
    const issued = issueReport(admin, { ...H1, siteCode: 'wz' }, { now: NOW, ip: '127.0.0.1' } as never);
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    const snapshot = findSnapshot(issued.value.id)!;
    expect(JSON.parse(snapshot.figures)).toEqual(fresh(one(`select path from sites where code = 'wz'`) as string));
  });
});
