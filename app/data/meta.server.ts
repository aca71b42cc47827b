import { eq, sql } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, writeTx } from './db.server';

export function getMeta(key: string): string | null {
  return db().select().from(schema.meta).where(eq(schema.meta.key, key)).get()?.value ?? null;
}

export function setMeta(key: string, value: string): void {
  db().insert(schema.meta).values({ key, value }).onConflictDoUpdate({ target: schema.meta.key, set: { value } }).run();
}

export function isDemoDatabase(): boolean {
  return getMeta('demo') === 'true';
}

/** A real round trip to the database, for /healthz. */
export function ping(): boolean {
  const row = db().get<{ one: number }>(sql`select 1 as one`);
  return row?.one === 1;
}

/** A committed write, for /healthz: the write lock can be taken and the change reaches the file. */
export function probeWrite(now: number): boolean {
  return writeTx((tx) =>
    tx.insert(schema.meta).values({ key: 'healthz', value: String(now) }).onConflictDoUpdate({ target: schema.meta.key, set: { value: String(now) } }).run().changes === 1,
  );
}

/**
 * The value stored under `key`, created with `make()` the first time. When two processes race, the first
 * insert wins and both read the same value back.
 */
export function metaValueOrCreate(key: string, make: () => string): string {
  const existing = getMeta(key);
  if (existing !== null) return existing;
  db().insert(schema.meta).values({ key, value: make() }).onConflictDoNothing().run();
  return getMeta(key)!;
}
