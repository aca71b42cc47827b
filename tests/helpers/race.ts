import { openDatabase, schema, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { tempDbPath } from './db';
import { startProductionServer, type RunningServer } from './server';
import { buildWorld, cookieFor, type World } from './wish-fixtures';

// What the race tests share: several production server processes on one database file, and a crowd of
// approved helpers to send at them.

export interface RaceServers {
  servers: RunningServer[];
  /** The test's own connection to the servers' database file (also the app's, through useDatabase). */
  db: DB;
  world: World;
}

/**
 * `count` production server processes on one new database file, each with its own SQLite connection: the first
 * creates and migrates it, the others join it. The test opens its own connection and builds the usual world.
 */
export async function startRaceServers(label: string, count: number): Promise<RaceServers> {
  const databasePath = tempDbPath(label);
  const servers = [await startProductionServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'false' })];
  servers.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startProductionServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'false' })))));
  const db = openDatabase(databasePath);
  useDatabase(db);
  return { servers, db, world: buildWorld(db) };
}

/** Closes the test's connection and stops the joiners first: the first server's stop removes the file. */
export async function stopRaceServers(servers: readonly RunningServer[]): Promise<void> {
  closeDatabase();
  for (const server of servers.slice().reverse()) await server.stop();
}

/**
 * `count` approved volunteers (users named 志愿者0…, each with an approved volunteer record), their ids in order.
 * `prefix` keeps one test's helpers apart from another's in the same database.
 */
export function approvedHelpers(db: DB, count: number, options: { prefix: string; now?: number; emailVerified?: boolean }): string[] {
  const now = options.now ?? Date.now();
  const stamp = now.toString(36);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${options.prefix}${i}x${stamp}`;
    db.insert(schema.users)
      .values({ id, email: `${options.prefix}${i}-${now}@example.org`, passwordHash: 'x', displayName: `志愿者${i}`, createdAt: now, emailVerifiedAt: options.emailVerified ? now : null })
      .run();
    db.insert(schema.volunteers).values({ userId: id, status: 'approved', createdAt: now }).run();
    ids.push(id);
  }
  return ids;
}

/** `count` approved volunteers, each with a session cookie for the servers (in the same order). */
export function approvedHelperCookies(db: DB, count: number, prefix: string): string[] {
  return approvedHelpers(db, count, { prefix }).map((id) => cookieFor(db, id));
}
