import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { scaleCounts, seedScale, type ScaleSummary } from '../../db/seed/scale';
import { countyShownFor } from '../../app/domain/wish';
import { useTestDatabase } from '../helpers/db';
import { JOBS } from '../../app/server/jobs.server';

// `seed --scale N` at a small N: the volume in proportion, and every constraint and invariant of the demo set kept.

const NOW = Date.UTC(2025, 8, 15, 4);
const N = 2000;
const { db } = useTestDatabase('scale-seed');
const one = (sql: string, params: Record<string, unknown> = {}) => (db.$client.prepare(sql).pluck().get(params) as number) ?? 0;
let summary: ScaleSummary;
let before: Record<string, number>;
const TABLES = ['wishes', 'claims', 'activities', 'slots', 'volunteers', 'children', 'audit_events', 'slot_signups', 'pairings', 'pairing_visits'];

beforeAll(() => {
  seedDemo(db, { now: NOW, passwordHash: 'x' });
  before = Object.fromEntries(TABLES.map((t) => [t, one(`select count(*) from ${t}`)]));
  const seen: string[] = [];
  summary = seedScale(db, N, { now: NOW, progress: (table) => seen.push(table) });
  expect(seen).toContain('wishes');
});

const added = (table: string) => one(`select count(*) from ${table}`) - before[table]!;

describe('seed --scale N', () => {
  it('adds rows in proportion to N, as its summary says', () => {
    const counts = scaleCounts(N);
    expect(added('wishes')).toBe(N);
    expect(added('wishes')).toBe(summary.wishes);
    expect(added('claims')).toBe(summary.claims);
    expect(summary.claims).toBeGreaterThan(0.9 * N);
    expect(summary.claims).toBeLessThanOrEqual(1.1 * N);
    expect(added('activities')).toBe(N / 10);
    expect(added('slots')).toBe((3 * N) / 10);
    expect(added('volunteers')).toBe(counts.volunteers);
    expect(counts.volunteers).toBe(N / 20);
    expect(added('children')).toBe(N / 50);
    expect(added('audit_events')).toBe(summary.auditEvents);
    expect(summary.auditEvents).toBeGreaterThanOrEqual(2 * N);
    expect(summary.auditEvents).toBeLessThan(2.5 * N);
    expect(added('slot_signups')).toBe(summary.slotSignups);
    expect(summary.slotSignups).toBeGreaterThan(0.5 * N);
    expect(added('pairings')).toBe(summary.pairings);
    expect(added('pairing_visits')).toBe(summary.pairingVisits);
  });

  it('leaves no broken foreign key and an intact file, with every index and trigger back', () => {
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    const names = db.$client.prepare("select name from sqlite_master where type in ('index', 'trigger')").pluck().all() as string[];
    for (const name of ['wishes_public_idx', 'claims_one_live_per_wish', 'pairings_one_live_per_child', 'slot_signups_one_per_person', 'wishes_version_update']) {
      expect(names).toContain(name);
    }
  });

  it('keeps the invariants: places within capacity and equal to the confirmed sign-ups, one live claim per wish, one live pairing per child', () => {
    expect(one('select count(*) from slots where taken > capacity or taken < 0')).toBe(0);
    expect(
      one(`select count(*) from slots s where taken <> (select count(*) from slot_signups g where g.slot_id = s.id and g.status in ('confirmed', 'offered'))`),
    ).toBe(0);
    expect(one(`select count(*) from (select wish_id from claims where status in ('pending','approved','delivered') group by wish_id having count(*) > 1)`)).toBe(0);
    expect(one(`select count(*) from (select child_id from pairings where status in ('proposed','active') group by child_id having count(*) > 1)`)).toBe(0);
    expect(one(`select count(*) from slots where status = 'closed' and children_served <> (select count(*) from slot_children c where c.slot_id = slots.id)`)).toBe(0);
  });

  it('gives statuses the timestamps they imply', () => {
    expect(one(`select count(*) from wishes where status in ('published','claimed','delivered','fulfilled','withdrawn') and published_at is null`)).toBe(0);
    expect(one(`select count(*) from wishes where status in ('draft','in_review') and published_at is not null`)).toBe(0);
    expect(
      one(`select count(*) from wishes w where status = 'fulfilled' and not exists (select 1 from claims c where c.wish_id = w.id and c.status = 'confirmed' and c.confirmed_at = w.fulfilled_at)`),
    ).toBe(0);
    expect(one(`select count(*) from wishes w where status in ('claimed','delivered') and not exists (select 1 from claims c where c.wish_id = w.id and c.status in ('pending','approved','delivered'))`)).toBe(0);
    expect(one(`select count(*) from claims where status in ('approved','delivered','confirmed') and approved_at is null`)).toBe(0);
    expect(one(`select count(*) from claims where status in ('delivered','confirmed') and delivered_at is null`)).toBe(0);
    expect(one(`select count(*) from slots where status = 'closed' and (closed_at is null or closed_at > :now or starts_at > :now)`, { now: NOW })).toBe(0);
    expect(one(`select count(*) from activities where status = 'completed' and exists (select 1 from slots s where s.activity_id = activities.id and s.status = 'open')`)).toBe(0);
    expect(one(`select count(*) from pairings where status = 'active' and started_at is null`)).toBe(0);
    expect(one(`select count(*) from audit_events where at > :now`, { now: NOW })).toBe(0);
    // No live claim is due at once (the claims job would expire them all at the first run).
    expect(
      one(
        `select count(*) from claims c join wishes w on w.id = c.wish_id where c.status in ('pending','approved') and (w.deadline_at < :now or (c.status = 'approved' and c.approved_at < :now - 14 * 86400000))`,
        { now: NOW },
      ),
    ).toBe(0);
  });

  it("files every wish under its site's county by the app's rule", () => {
    const sites = db.$client.prepare('select id, kind, parent_id as parentId from sites').all() as { id: string; kind: string; parentId: string | null }[];
    const byId = new Map(sites.map((s) => [s.id, s]));
    const rows = db.$client.prepare('select distinct site_id as siteId, county_site_id as countyId from wishes').all() as { siteId: string; countyId: string }[];
    for (const r of rows) {
      const chain = [];
      for (let s = byId.get(r.siteId); s; s = s.parentId ? byId.get(s.parentId) : undefined) chain.push(s);
      expect(countyShownFor(chain)!.id).toBe(r.countyId);
    }
  });

  it('refuses a second load', () => {
    expect(() => seedScale(db, N, { now: NOW })).toThrow(/already holds scale data/);
  });

  it('leaves the state a live platform has, where every background job has run: a first run mails no one and changes no row', async () => {
    const tables = (db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[]).sort();
    const snapshot = () => Object.fromEntries(tables.map((t) => [t, db.$client.prepare(`select * from "${t}" order by rowid`).all()]));
    const seeded = snapshot();
    expect(seeded.outbox).toEqual([]);
    // What the jobs look for is there: lapsed re-checks, overdue pairings, slots starting within a day.
    expect(one(`select count(*) from volunteers where status = 'approved' and recheck_due_at < :now`, { now: NOW })).toBeGreaterThan(0);
    expect(one(`select count(*) from pairings where status = 'active' and overdue_mailed_at is not null`)).toBeGreaterThan(0);
    expect(one(`select count(*) from pairings where status = 'ended' and ended_by is null and end_reason is null`)).toBeGreaterThan(0);
    expect(one(`select count(*) from slots where reminded_at is not null`)).toBeGreaterThan(0);
    const results: Record<string, unknown> = {};
    for (const job of JOBS) results[job.name] = await job.run(NOW);
    expect(results).toMatchObject({ claims: { expired: 0, reminded: 0 }, rechecks: { told: 0 }, 'slot-reminders': { reminded: 0 }, pairings: { lapsed: 0, mailed: 0 } });
    expect(snapshot()).toEqual(seeded);
  });
});
