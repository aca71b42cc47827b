import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { countWishesByStatus } from '../../app/data/public.server';
import { countPublicWishes } from '../../app/data/wishes.server';
import { tableVersion } from '../../app/data/count-cache.server';
import { countSlotCards } from '../../app/data/activity-list.server';
import { useTestDatabase } from '../helpers/db';

// The kept counts (home page figures, list totals) follow every write to their table, whoever makes it.

const NOW = Date.UTC(2025, 8, 15, 4);
const { db } = useTestDatabase('count-cache');
seedDemo(db, { now: NOW, passwordHash: 'x' });
const raw = (sql: string) => db.$client.prepare(sql).pluck().get() as number;

describe('cached counts', () => {
  it('the home figures change after a wish is fulfilled, even by a write outside the data modules', () => {
    const open = countWishesByStatus(['published']);
    const fulfilled = countWishesByStatus(['fulfilled']);
    expect(open).toBe(raw("select count(*) from wishes where status = 'published'"));
    const version = tableVersion('wishes');
    db.$client.prepare("update wishes set status = 'fulfilled', fulfilled_at = ? where id = (select id from wishes where status = 'published' limit 1)").run(NOW);
    expect(tableVersion('wishes')).not.toBe(version);
    expect(countWishesByStatus(['published'])).toBe(open - 1);
    expect(countWishesByStatus(['fulfilled'])).toBe(fulfilled + 1);
  });

  it("the public list's total changes after a write that affects it, and after a deadline passes", () => {
    const filter = { openOnly: true, now: NOW };
    const total = countPublicWishes(filter).total;
    expect(total).toBe(raw(`select count(*) from wishes where status = 'published' and (deadline_at is null or deadline_at >= ${NOW})`));
    db.$client.prepare("update wishes set status = 'withdrawn' where id = (select id from wishes where status = 'published' and (deadline_at is null or deadline_at >= ?) limit 1)").run(NOW);
    expect(countPublicWishes(filter).total).toBe(total - 1);
    const next = raw(`select min(deadline_at) from wishes where status = 'published' and deadline_at >= ${NOW}`);
    const dueThen = raw(`select count(*) from wishes where status = 'published' and deadline_at = ${next}`);
    expect(dueThen).toBeGreaterThan(0);
    expect(countPublicWishes({ openOnly: true, now: next + 1 }).total).toBe(total - 1 - dueThen);
  });

  it('the slot totals change after a slot or an activity changes, and when the next slot starts', () => {
    const live = (when: 'upcoming' | 'past', now: number) =>
      raw(
        when === 'upcoming'
          ? `select count(*) from slots s join activities a on a.id = s.activity_id where s.starts_at > ${now} and s.status = 'open' and a.status = 'approved'`
          : `select count(*) from slots s join activities a on a.id = s.activity_id where s.starts_at <= ${now} and s.status in ('open', 'closed') and a.status in ('approved', 'completed')`,
      );
    const total = (when: 'upcoming' | 'past', now = NOW) => countSlotCards({ when, now, placesLeft: false }).total;
    expect(total('upcoming')).toBe(live('upcoming', NOW));
    expect(total('past')).toBe(live('past', NOW));
    expect(live('upcoming', NOW)).toBeGreaterThan(1);
    // A slot cancelled outside the data modules.
    const version = tableVersion('slots');
    db.$client.prepare(`update slots set status = 'cancelled' where id = (select s.id from slots s join activities a on a.id = s.activity_id where s.starts_at > ? and s.status = 'open' and a.status = 'approved' limit 1)`).run(NOW);
    expect(tableVersion('slots')).not.toBe(version);
    expect(total('upcoming')).toBe(live('upcoming', NOW));
    // An activity cancelled: its open slots leave the list.
    db.$client.prepare(`update activities set status = 'cancelled' where id = (select a.id from slots s join activities a on a.id = s.activity_id where s.starts_at > ? and s.status = 'open' and a.status = 'approved' limit 1)`).run(NOW);
    expect(total('upcoming')).toBe(live('upcoming', NOW));
    // The next slot starts: it moves from upcoming to past.
    const next = raw(`select min(starts_at) from slots where starts_at > ${NOW}`);
    expect(total('upcoming', next)).toBe(live('upcoming', next));
    expect(total('past', next)).toBe(live('past', next));
  });

  it('the slot totals follow time forwards and backwards across many starts, with every filter, from one count', () => {
    const starts = db.$client.prepare(`select distinct starts_at from slots order by starts_at`).pluck().all() as number[];
    expect(starts.length).toBeGreaterThan(4);
    const type = raw(`select type from activities where status = 'approved' limit 1`) as unknown as string;
    const filters = [
      { placesLeft: false },
      { placesLeft: true },
      { placesLeft: false, type: type as never },
      { placesLeft: false, fromMs: starts[1], toMs: starts[starts.length - 2] },
    ];
    const live = (when: 'upcoming' | 'past', now: number, f: (typeof filters)[number]) =>
      raw(
          `select count(*) from slots s join activities a on a.id = s.activity_id where ${
          when === 'upcoming' ? `s.starts_at > ${now} and s.status = 'open' and a.status = 'approved'` : `s.starts_at <= ${now} and s.status in ('open', 'closed') and a.status in ('approved', 'completed')`
        }${f.placesLeft ? ' and s.taken < s.capacity' : ''}${'type' in f ? ` and a.type = '${f.type}'` : ''}${'fromMs' in f ? ` and s.starts_at >= ${f.fromMs} and s.starts_at <= ${f.toMs}` : ''}`,
      );
    // Instants on a start, just after one, and between: forwards through the slots, then back.
    const picked = starts.filter((_, i) => i % Math.ceil(starts.length / 12) === 0);
    const instants = picked.flatMap((at) => [at - 1, at, at + 1]);
    for (const now of [...instants, ...[...instants].reverse()]) {
      for (const f of filters) {
        for (const when of ['upcoming', 'past'] as const) {
          expect(countSlotCards({ when, now, ...f }).total, `${when} at ${now} ${JSON.stringify(f)}`).toBe(live(when, now, f));
        }
      }
    }
  });

  it('the open wishes total follows time forwards and backwards across many deadlines, with every filter, from one count', () => {
    const deadlines = db.$client.prepare(`select distinct deadline_at from wishes where status = 'published' and deadline_at is not null order by deadline_at`).pluck().all() as number[];
    expect(deadlines.length).toBeGreaterThan(4);
    const some = db.$client.prepare(`select county_site_id, category, age_band from wishes where status = 'published' and deadline_at is not null limit 1`).get() as { county_site_id: string; category: string; age_band: string };
    const filters = [{}, { countySiteId: some.county_site_id }, { category: some.category }, { ageBand: some.age_band }] as const;
    const live = (now: number, f: (typeof filters)[number]) =>
      raw(
        `select count(*) from wishes where status = 'published' and (deadline_at is null or deadline_at >= ${now})${'countySiteId' in f ? ` and county_site_id = '${f.countySiteId}'` : ''}${'category' in f ? ` and category = '${f.category}'` : ''}${'ageBand' in f ? ` and age_band = '${f.ageBand}'` : ''}`,
      );
    const picked = deadlines.filter((_, i) => i % Math.ceil(deadlines.length / 12) === 0);
    const instants = picked.flatMap((at) => [at - 1, at, at + 1]);
    for (const now of [...instants, ...[...instants].reverse()]) {
      for (const f of filters) {
        expect(countPublicWishes({ openOnly: true, now, ...f } as never).total, `at ${now} ${JSON.stringify(f)}`).toBe(live(now, f));
      }
    }
  });
});
