import { openDatabase, type DB } from '../../db/client';
import { config } from '../platform/config.server';
import { logger } from '../platform/logger.server';
import { databaseFileState, isStorageFailure, rememberDatabaseFile, StorageUnavailable } from './storage.server';

let current: DB | null = null;

/** The process's database connection, opened on first use. Migrations run at start-up (server/maintenance). */
export function db(): DB {
  if (!current) {
    current = openDatabase(config().databasePath);
    rememberDatabaseFile(current.$client.name);
  }
  return current;
}

/** Tests and the CLI point the data layer at a database they opened. */
export function useDatabase(handle: DB): void {
  current = handle;
  rememberDatabaseFile(handle.$client.name);
}

export function closeDatabase(): void {
  current?.$client.close();
  current = null;
}

/**
 * One synchronous write transaction taking the write lock up front (BEGIN IMMEDIATE). A write to a
 * database file that is no longer at its path would be lost without an error, so it is refused; a write
 * that fails because storage is full, read-only or failing comes out as StorageUnavailable (a 503 page).
 */
export function writeTx<T>(fn: (tx: Parameters<Parameters<DB['transaction']>[0]>[0]) => T): T {
  const state = databaseFileState();
  if (state === 'missing' || state === 'replaced') throw storageFault(`database file ${state} at ${config().databasePath}`);
  try {
    return db().transaction(fn, { behavior: 'immediate' });
  } catch (error) {
    if (isStorageFailure(error)) throw storageFault(`${(error as { code?: string }).code ?? 'storage error'}: ${(error as Error).message}`);
    throw error;
  }
}

function storageFault(reason: string): StorageUnavailable {
  logger.error('write refused: storage unavailable', { reason });
  return new StorageUnavailable(reason.split(':')[0]);
}

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
