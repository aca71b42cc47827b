import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/client';
import { tempDbPath } from '../helpers/db';

// A migration that adds indexes to a database with rows is followed by ANALYZE: without statistics, SQLite may
// take a new index for a list it does not serve.
const file = tempDbPath('migration-analyze');
afterAll(() => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
});

it('a database with rows is analysed again after a migration ran', () => {
  const db = openDatabase(file);
  migrate(db);
  db.$client.exec("insert into meta (key, value) values ('x', '1')");
  // Take the last migration back (its indexes and its row), as if the database predated it.
  const last = db.$client.prepare('select created_at from __drizzle_migrations order by created_at desc limit 1').get() as { created_at: number };
  const sql = fs.readFileSync(new URL('../../db/migrations/0009_staff_queue_indexes.sql', import.meta.url), 'utf8');
  const indexes = [...sql.matchAll(/CREATE INDEX `([^`]+)`/g)].map((m) => m[1]!);
  expect(indexes.length).toBeGreaterThan(0);
  for (const name of indexes) db.$client.exec(`drop index ${name}`);
  db.$client.prepare('delete from __drizzle_migrations where created_at = ?').run(last.created_at);
  db.$client.exec('analyze; delete from sqlite_stat1');
  migrate(db);
  const analysed = db.$client.prepare('select distinct tbl from sqlite_stat1').pluck().all() as string[];
  expect(analysed).toContain('meta');
  db.$client.close();
});
