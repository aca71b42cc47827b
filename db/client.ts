import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export { schema };

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Creates missing folders one level at a time (Node's recursive mkdir can spin forever on /proc). */
function ensureFolder(dir: string): void {
  if (fs.existsSync(dir)) return;
  ensureFolder(path.dirname(dir));
  fs.mkdirSync(dir);
}

/** Opens (creating the folder if needed) a SQLite file with the pragmas every connection must have. */
export function openDatabase(file: string): DB {
  if (file !== ':memory:') ensureFolder(path.dirname(path.resolve(file)));
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  return drizzle({ client: sqlite, schema }) as DB;
}

/**
 * Applies the pending migrations. A migration that rebuilds a table (drizzle-kit's `__new_x` copy, e.g.
 * to add a CHECK) drops the old table, and with foreign keys on that drop would cascade into the rows
 * that refer to it. SQLite ignores `PRAGMA foreign_keys` inside a transaction, so the pragma in the
 * generated SQL does nothing there: keys are switched off around the whole migration run instead, as
 * SQLite's documented table-rebuild procedure does, and checked before they are switched back on.
 */
export function migrate(db: DB): void {
  db.$client.pragma('foreign_keys = OFF');
  try {
    const before = appliedMigrations(db);
    drizzleMigrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    // The check reads every row of every table (21 s at a million wishes): only after a migration ran.
    if (appliedMigrations(db) === before) return;
    const broken = db.$client.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} rows with a broken foreign key`);
    // A migration's new indexes have no statistics: without them SQLite can pick one for a list it does not serve
    // (at a million wishes, /wishes went from milliseconds to 600 ms after migration 0008). A database that had
    // rows before is analysed again (seconds at 1M, once per migration); a new one has nothing to measure.
    if (before > 0) db.$client.exec('ANALYZE');
  } finally {
    db.$client.pragma('foreign_keys = ON');
  }
}

function appliedMigrations(db: DB): number {
  const table = db.$client.prepare("select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get() as { n: number };
  return table.n === 0 ? 0 : (db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
}

/** True when no migration has been applied yet: the database was just created. */
export function isNewDatabase(db: DB): boolean {
  const row = db.$client
    .prepare("select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get() as { n: number };
  if (row.n === 0) return true;
  const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
  return applied.n === 0;
}
