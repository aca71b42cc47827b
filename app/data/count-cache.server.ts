import { db } from './db.server';

// Counts over a whole table (the home page's figures, the totals of the public and staff lists) cost a walk over
// every matching row: at a million wishes, tens of milliseconds each. They are kept here per process and reused
// while the table's version (a meta row that triggers of migration 0006 bump on every insert, update and delete,
// whichever process or module writes; slots and activities: migration 0007) and the caller's `validUntil` say they still hold. Reading the version is one
// primary-key look-up.

export type VersionedTable =
  | 'wishes'
  | 'claims'
  | 'slots'
  | 'activities'
  // migration 0008: every table the report reads (README D35)
  | 'slot_signups'
  | 'slot_children'
  | 'pairings'
  | 'pairing_visits'
  | 'volunteers'
  | 'organizations'
  | 'sites';

interface Entry {
  version: string;
  validUntil: number;
  value: unknown;
  /** For a count that moves with time (cachedMovingCount): the instant `value` holds for. */
  asOf?: number;
  /** When the computation of `value` started (the instant its figures hold for; README D35). */
  computedAt?: number;
}

const entries = new Map<string, Entry>();
/** More keys than any page set produces (filters × scopes); past it the oldest half is dropped. */
const MAX_ENTRIES = 2000;

export function tableVersion(table: VersionedTable): string {
  const row = db().$client.prepare('select value from meta where key = ?').get(`${table}_version`) as { value: string } | undefined;
  return row?.value ?? '';
}

/**
 * The count under `key`, computed again when `table` (or one of the tables) changed since it was kept or when `now`
 * passed the instant it was valid until (for counts that change with time alone, such as wishes past their deadline).
 */
export function cachedCount(
  table: VersionedTable | readonly VersionedTable[],
  key: string,
  now: number,
  compute: () => { value: number; validUntil?: number },
): number {
  return cachedValue(table, key, now, compute);
}

/**
 * Any value computed from the tables alone (the report's aggregate rows), kept like a count: computed again when
 * one of `tables` changed since. The value is shared between callers: they must not change it.
 */
export function cachedValue<T>(
  table: VersionedTable | readonly VersionedTable[],
  key: string,
  now: number,
  compute: () => { value: T; validUntil?: number },
): T {
  const { full, version, hit } = lookUp(table, key);
  if (hit && now <= hit.validUntil) return hit.value as T;
  const computedAt = Date.now();
  const { value, validUntil = Number.MAX_SAFE_INTEGER } = compute();
  keep(full, { version, validUntil, value, computedAt });
  return value;
}

/** The versions of `tables` as one key ('' when a table has no version), read on this process's connection. */
export function tablesVersion(tables: readonly VersionedTable[]): string {
  const versions = tables.map(tableVersion);
  return versions.includes('') ? '' : versions.join('.');
}

/** Where a value under `key` is kept (the cache's own key), for callers that compute it elsewhere. */
export function keptKey(tables: readonly VersionedTable[], key: string): string {
  return `${db().$client.name}:${tables.join('+')}:${key}`;
}

/**
 * The value kept under `key` whatever the versions it was computed at (null when none), with `current` telling
 * whether it still holds at the tables' present versions. For values recomputed off the main thread (README D35).
 */
export function keptAtAnyVersion<T>(
  tables: readonly VersionedTable[],
  key: string,
): { full: string; version: string; kept: { value: T; computedAt: number; current: boolean } | null } {
  const version = tablesVersion(tables);
  const full = keptKey(tables, key);
  const entry = entries.get(full);
  if (!entry) return { full, version, kept: null };
  return { full, version, kept: { value: entry.value as T, computedAt: entry.computedAt ?? 0, current: version !== '' && entry.version === version } };
}

/** Keeps a value computed elsewhere (a worker) at the versions it read, unless a newer computation is kept already. */
export function keepComputed(full: string, version: string, value: unknown, computedAt: number): void {
  const kept = entries.get(full);
  if (kept && (kept.computedAt ?? 0) > computedAt) return;
  keep(full, { version, validUntil: Number.MAX_SAFE_INTEGER, value, computedAt });
}

/** The entry under `key` if it was kept at the tables' present versions (a table without a version: never). */
function lookUp(table: VersionedTable | readonly VersionedTable[], key: string) {
  const tables = typeof table === 'string' ? [table] : table;
  const version = tablesVersion(tables);
  const full = keptKey(tables, key);
  const kept = entries.get(full);
  return { full, version, hit: kept && kept.version === version && version !== '' ? kept : undefined };
}

function keep(full: string, entry: Entry): void {
  if (entries.size >= MAX_ENTRIES) for (const k of [...entries.keys()].slice(0, MAX_ENTRIES / 2)) entries.delete(k);
  entries.set(full, entry);
}

/**
 * A count that also moves with time alone, by an amount a small query can tell: the slots still to come lose those
 * that started since, the past gains them. Kept while `table` does not change; when `now` differs from the instant
 * the kept value holds for, `moved(from, to)` gives the change between the two instants (either direction) and the
 * kept value moves to `now`. So the walk over every match happens once per change of the table, not each time
 * a slot starts (every few minutes at a city's scale).
 */
export function cachedMovingCount(
  table: VersionedTable | readonly VersionedTable[],
  key: string,
  now: number,
  compute: () => number,
  moved: (from: number, to: number) => number,
): number {
  const { full, version, hit } = lookUp(table, `moving:${key}`);
  if (hit && hit.asOf !== undefined) {
    if (hit.asOf !== now) {
      hit.value = (hit.value as number) + moved(hit.asOf, now);
      hit.asOf = now;
    }
    return hit.value as number;
  }
  const value = compute();
  keep(full, { version, validUntil: Number.MAX_SAFE_INTEGER, value, asOf: now });
  return value;
}

/** Tests start from nothing kept. */
export function forgetCachedCounts(): void {
  entries.clear();
}
