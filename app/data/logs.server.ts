import { and, desc, eq, gte, lte, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core';

// What the admin's audit and security logs share: their filters and their newest-first paging.

/** What both logs are read by besides their own fields: a period and a page window. */
export interface LogWindow {
  from?: number;
  to?: number;
  limit?: number;
  offset?: number;
}

/** Equal to each given value (an undefined one filters nothing), within [from, to] on the time column. */
export function logWhere(at: AnyColumn, equals: [AnyColumn, string | undefined][], range: { from?: number; to?: number }, more: SQL[] = []): SQL | undefined {
  const conditions = [...more];
  for (const [column, value] of equals) if (value) conditions.push(eq(column, value));
  if (range.from !== undefined) conditions.push(gte(at, range.from));
  if (range.to !== undefined) conditions.push(lte(at, range.to));
  return conditions.length ? and(...conditions) : undefined;
}

/** Newest first (ties by id, so pages never overlap), one window of the log. */
export function newestFirst<Q extends SQLiteSelect>(query: Q, at: AnyColumn, id: AnyColumn, window: { limit?: number; offset?: number }) {
  return query
    .orderBy(desc(at), desc(id))
    .limit(window.limit ?? 200)
    .offset(window.offset ?? 0);
}
