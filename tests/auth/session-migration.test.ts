import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPER_ABSOLUTE_MS } from '../../app/auth/session.server';

const migrations = path.resolve(__dirname, '../../db/migrations');
const statements = (file: string) =>
  fs
    .readFileSync(path.join(migrations, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);

describe('migration 0001: every session has an absolute limit', () => {
  it('gives helper sessions open before it 30 days from their start, keeps staff limits, and refuses a session without one', () => {
    const db = new Database(':memory:');
    for (const sql of statements('0000_init.sql')) db.exec(sql);
    db.exec("insert into users (id, email, password_hash, display_name, created_at) values ('u1', 'a@example.org', 'x', 'A', 0)");
    db.exec('insert into sessions values (\'helper\', \'u1\', 1000, 1000, 5000, null)');
    db.exec("insert into sessions values ('staff', 'u1', 1000, 1000, 2000, 3000)");
    for (const sql of statements('0001_session_absolute_lifetime.sql')) db.exec(sql);
    const rows = db.prepare('select id, absolute_expires_at as a from sessions order by id').all();
    expect(rows).toEqual([
      { id: 'helper', a: 1000 + HELPER_ABSOLUTE_MS },
      { id: 'staff', a: 3000 },
    ]);
    expect(() => db.exec("insert into sessions values ('x', 'u1', 1, 1, 2, null)")).toThrow(/NOT NULL/);
    expect(db.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'sessions' and sql is not null").all()).toEqual([
      { name: 'sessions_user_idx' },
    ]);
    db.close();
  });
});
