import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor';
import { schema } from '../../db/client';
import { db } from './db.server';

/**
 * The site path an actor works under: an admin sees every site ("/" prefixes every path),
 * staff their own subtree, anyone else nothing (null).
 */
export function scopeRoot(actor: Actor | null): string | null {
  if (!actor) return null;
  if (actor.admin) return '/';
  return actor.staff?.sitePath ?? null;
}

/** `column` (a materialized site path) lies in the subtree at rootPath. A prefix compare, not LIKE: codes may hold `_`. */
export function inSubtree(column: AnyColumn | SQL, rootPath: string): SQL {
  return sql`substr(${column}, 1, ${rootPath.length}) = ${rootPath}`;
}

/**
 * Every site lies in the subtree at rootPath (an admin, the staff of the city in a one-city deployment): a list or
 * count under it needs no subtree condition, and no join to the sites to test one. Read from the small site tree.
 */
export function coversEverySite(rootPath: string): boolean {
  return db().select({ one: sql`1` }).from(schema.sites).where(sql`not ${inSubtree(schema.sites.path, rootPath)}`).limit(1).get() === undefined;
}

/** One page of a staff list: which slice to read. */
export interface PageWindow {
  limit: number;
  offset: number;
}
