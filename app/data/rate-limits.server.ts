import { and, eq, lt, sql } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';

export interface WindowCount {
  count: number;
  windowStart: number;
}

/**
 * Counts one hit in a fixed window, atomically: a window that has run out starts again at 1.
 * Run inside the caller's write transaction.
 */
export function hitWindow(tx: Tx, key: string, windowMs: number, now: number): WindowCount {
  const r = schema.rateLimits;
  const row = tx
    .insert(r)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: r.key,
      set: {
        count: sql`case when ${r.windowStart} <= ${now - windowMs} then 1 else ${r.count} + 1 end`,
        windowStart: sql`case when ${r.windowStart} <= ${now - windowMs} then ${now} else ${r.windowStart} end`,
      },
    })
    .returning({ count: r.count, windowStart: r.windowStart })
    .get();
  return row;
}

/** Gives one hit back (e.g. a sign-in that succeeded), within the same window only. */
export function refundHit(tx: Tx, key: string, windowStart: number): void {
  const r = schema.rateLimits;
  tx.update(r)
    .set({ count: sql`max(${r.count} - 1, 0)` })
    .where(and(eq(r.key, key), eq(r.windowStart, windowStart)))
    .run();
}

/** Forgets windows that ended long ago. */
export function pruneRateLimits(olderThan: number): number {
  return db().delete(schema.rateLimits).where(lt(schema.rateLimits.windowStart, olderThan)).run().changes;
}
