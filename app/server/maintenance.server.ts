import fs from 'node:fs';
import path from 'node:path';
import { db } from '../data/db.server';
import { isNewDatabase, migrate } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
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

export async function seedDemoData(now = Date.now()) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = seedDemo(db(), { now, passwordHash });
  setMeta('demo', 'true');
  return summary;
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
