import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { countWishesByStatus } from '../../app/data/public.server';
import { countPublicWishes } from '../../app/data/wishes.server';
import { tableVersion } from '../../app/data/count-cache.server';
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
});
