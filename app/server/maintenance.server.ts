import fs from 'node:fs';
import path from 'node:path';
import { db } from '../data/db.server';
import Database from 'better-sqlite3';
import { isNewDatabase, migrate } from '../../db/client';
import { linkKeyFile } from '../platform/link-key.server';
import { seedDemo } from '../../db/seed/demo';
import { seedScale } from '../../db/seed/scale';
import { hashPassword } from '../auth/password.server';
import { getMeta, setMeta } from '../data/meta.server';
import { sealLegacyOutbox } from '../mail/links.server';
import { logger } from '../platform/logger.server';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ACCOUNTS = ['admin@demo.local', 'staff@demo.local', 'volunteer@demo.local', 'org@demo.local'];

/** Applies pending migrations; returns whether the database was new before. */
export function migrateDatabase(): { wasNew: boolean } {
  const handle = db();
  const wasNew = isNewDatabase(handle);
  migrate(handle);
  if (getMeta('outbox_links_sealed') === null) {
    const sealed = sealLegacyOutbox();
    setMeta('outbox_links_sealed', 'true');
    if (sealed > 0) logger.info('outbox: tokens taken out of stored mail', { mail: sealed });
  }
  return { wasNew };
}

export async function seedDemoData(now = Date.now(), progress?: (step: string) => void) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = seedDemo(db(), { now, passwordHash, progress });
  setMeta('demo', 'true');
  return summary;
}

/** Bulk volume for benchmarks on top of the demo data set (db/seed/scale.ts). */
export function seedScaleData(n: number, now: number, progress?: (table: string, done: number, total: number) => void) {
  return seedScale(db(), n, { now, progress });
}

export function hasAnyUser(): boolean {
  const row = db().$client.prepare('select count(*) as n from users').get() as { n: number };
  return row.n > 0;
}

/** Online backup through SQLite's backup API: consistent while the server keeps writing. */
export async function backupDatabase(outFile: string): Promise<{ pages: number }> {
  const target = path.resolve(outFile);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) throw new Error(`${outFile} already exists; choose a new file name`);
  const result = await db().$client.backup(target);
  return { pages: result.totalPages };
}

export class RestoreRefused extends Error {}

/**
 * Restores a backup into a new database file (README D23). The target must not exist: restore never
 * overwrites a database, so it can never pull the file from under a running server; stop the server, move
 * the old file aside, restore, start. The backup must pass integrity_check; it is copied through SQLite's
 * backup API into `<target>.restoring`, checked again, and renamed into place. A mail link key file next
 * to the backup is copied along (0600), so that pending mail keeps its links.
 */
export async function restoreDatabase(fromFile: string, toFile: string): Promise<{ pages: number; users: number; keyCopied: boolean }> {
  const from = path.resolve(fromFile);
  const to = path.resolve(toFile);
  if (!fs.existsSync(from)) throw new RestoreRefused(`${fromFile} does not exist`);
  if (from === to) throw new RestoreRefused('--from and --to name the same file');
  for (const suffix of ['', '-wal', '-shm', '.mail-key']) {
    if (fs.existsSync(to + suffix))
      throw new RestoreRefused(`${toFile}${suffix} already exists; restore writes only a new file (stop the server and move the old database aside first)`);
  }
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const check = source.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new RestoreRefused(`${fromFile} fails integrity_check (${String(check)}); it is not restored`);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const temp = `${to}.restoring`;
    fs.rmSync(temp, { force: true });
    const result = await source.backup(temp);
    const restored = new Database(temp);
    let users = 0;
    try {
      const again = restored.pragma('integrity_check', { simple: true });
      if (again !== 'ok') throw new RestoreRefused(`the restored copy fails integrity_check (${String(again)})`);
      restored.pragma('journal_mode = WAL');
      users = (restored.prepare("select count(*) n from sqlite_master where name = 'users'").get() as { n: number }).n
        ? (restored.prepare('select count(*) n from users').get() as { n: number }).n
        : 0;
    } finally {
      restored.close();
    }
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, to);
    let keyCopied = false;
    if (fs.existsSync(linkKeyFile(from))) {
      fs.copyFileSync(linkKeyFile(from), linkKeyFile(to), fs.constants.COPYFILE_EXCL);
      fs.chmodSync(linkKeyFile(to), 0o600);
      keyCopied = true;
    }
    return { pages: result.totalPages, users, keyCopied };
  } finally {
    source.close();
  }
}
