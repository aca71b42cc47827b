import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll } from 'vitest';
import { openDatabase, migrate, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';

export function tempDbPath(label = 'test'): string {
  const dir = path.join(os.tmpdir(), 'wishbridge-tests');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${label}-${crypto.randomUUID()}.db`);
}

/** A fresh migrated SQLite file for this test file, wired into the data layer; removed afterwards. */
export function useTestDatabase(label = 'test'): { db: DB; file: string } {
  const file = tempDbPath(label);
  const db = openDatabase(file);
  migrate(db);
  useDatabase(db);
  afterAll(() => {
    closeDatabase();
    for (const suffix of ['', '-wal', '-shm', '.mail-key']) fs.rmSync(file + suffix, { force: true });
  });
  return { db, file };
}
