import { openDatabase, type DB } from '../../db/client';
import { config } from '../platform/config.server';

let current: DB | null = null;

/** The process's database connection, opened on first use. Migrations run at start-up (server/maintenance). */
export function db(): DB {
  current ??= openDatabase(config().databasePath);
  return current;
}

/** Tests and the CLI point the data layer at a database they opened. */
export function useDatabase(handle: DB): void {
  current = handle;
}

export function closeDatabase(): void {
  current?.$client.close();
  current = null;
}

/** One synchronous write transaction taking the write lock up front (BEGIN IMMEDIATE). */
export function writeTx<T>(fn: (tx: Parameters<Parameters<DB['transaction']>[0]>[0]) => T): T {
  return db().transaction(fn, { behavior: 'immediate' });
}

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
