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
  const tables = typeof table === 'string' ? [table] : table;
  const versions = tables.map(tableVersion);
  const version = versions.includes('') ? '' : versions.join('.');
  const full = `${db().$client.name}:${tables.join('+')}:${key}`;
  const hit = entries.get(full);
  if (hit && hit.version === version && version !== '' && now <= hit.validUntil) return hit.value as T;
  const { value, validUntil = Number.MAX_SAFE_INTEGER } = compute();
  if (entries.size >= MAX_ENTRIES) for (const k of [...entries.keys()].slice(0, MAX_ENTRIES / 2)) entries.delete(k);
  entries.set(full, { version, validUntil, value });
  return value;
}

/** Tests start from nothing kept. */
export function forgetCachedCounts(): void {
  entries.clear();
}
