import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/client';

// 0003 rebuilds `slots` (to add CHECK constraints). Dropping the old table with foreign keys on would
// cascade into slot_signups and slot_children; migrate() switches keys off around the run. This applies
// the migrations up to 0002 to a database holding a slot with sign-ups, then the rest, and counts rows.
describe('migrations keep the rows that refer to a rebuilt table', () => {
  it('keeps sign-ups and served children across the slots rebuild, and computes taken and scheduled minutes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-mig-'));
    const file = path.join(dir, 'old.db');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    const folder = path.join(__dirname, '../../db/migrations');
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
    const old = journal.entries.slice(0, 3);
    expect(old.map((e) => e.tag)).toEqual(['0000_init', '0001_session_absolute_lifetime', '0002_outbox_link_secret']);
    raw.exec('CREATE TABLE "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)');
    for (const e of old) {
      const text = fs.readFileSync(path.join(folder, `${e.tag}.sql`), 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) raw.exec(statement);
      const hash = crypto.createHash('sha256').update(text).digest('hex');
      raw.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(hash, e.when);
    }
    const t = Date.UTC(2026, 0, 10, 2);
    raw.exec(`
      INSERT INTO sites (id, parent_id, code, name_zh, name_en, kind, path, created_at) VALUES ('s1', NULL, 'wz', '吴忠市', 'Wuzhong', 'city', '/s1/', ${t});
      INSERT INTO users (id, email, password_hash, display_name, created_at) VALUES ('u1', 'a@x', 'h', 'A', ${t}), ('u2', 'b@x', 'h', 'B', ${t});
      INSERT INTO children (id, site_id, real_name, birth_date, gender, category, alias, created_at) VALUES ('c1', 's1', '王小明', '2016-01-01', 'm', 'other', '小明', ${t});
      INSERT INTO activities (id, type, title, description, site_id, proposer_id, status, created_at, updated_at) VALUES ('a1', 'film_screening', 't', 'd', 's1', 'u1', 'approved', ${t}, ${t});
      INSERT INTO slots (id, activity_id, site_id, starts_at, ends_at, capacity, created_at) VALUES ('sl1', 'a1', 's1', ${t}, ${t + 90 * 60000}, 2, ${t});
      INSERT INTO slot_signups (id, slot_id, user_id, status, created_at, updated_at) VALUES ('su1', 'sl1', 'u1', 'confirmed', ${t}, ${t}), ('su2', 'sl1', 'u2', 'waitlisted', ${t}, ${t});
      INSERT INTO slot_children (slot_id, child_id) VALUES ('sl1', 'c1');
    `);
    raw.close();

    const db = openDatabase(file);
    migrate(db);
    const c = db.$client;
    expect(c.prepare('SELECT count(*) AS n FROM slot_signups').get()).toEqual({ n: 2 });
    expect(c.prepare('SELECT count(*) AS n FROM slot_children').get()).toEqual({ n: 1 });
    expect(c.prepare('SELECT taken, scheduled_minutes AS m FROM slots').get()).toEqual({ taken: 1, m: 90 });
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => c.prepare('UPDATE slots SET taken = 3').run()).toThrow(/CHECK constraint failed/);
    c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

// 0004 rebuilds `pairings` (proposed status, agreement) and `pairing_visits` (new kinds). Dropping the old
// pairings with foreign keys on would cascade into the visits; the old kinds 'visit' and 'message' become
// 'home_visit' and 'letter', and every old pairing keeps its start as the date it was proposed.
describe('0004 keeps the pairings and their visits, and renames the old visit kinds', () => {
  it('migrates a database at 0003 holding a pairing with three visits', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-mig4-'));
    const file = path.join(dir, 'old.db');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    const folder = path.join(__dirname, '../../db/migrations');
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
    const old = journal.entries.slice(0, 4);
    expect(old.map((e) => e.tag).at(-1)).toBe('0003_activities_slots_offers');
    raw.exec('CREATE TABLE "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)');
    for (const e of old) {
      const text = fs.readFileSync(path.join(folder, `${e.tag}.sql`), 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) raw.exec(statement);
      const hash = crypto.createHash('sha256').update(text).digest('hex');
      raw.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(hash, e.when);
    }
    const t = Date.UTC(2025, 2, 9, 16); // 2025-03-10 00:00 in Shanghai
    raw.exec(`
      INSERT INTO sites (id, parent_id, code, name_zh, name_en, kind, path, created_at) VALUES ('s1', NULL, 'wz', '吴忠市', 'Wuzhong', 'city', '/wz/', ${t});
      INSERT INTO users (id, email, password_hash, display_name, created_at) VALUES ('u1', 'a@x', 'h', 'A', ${t}), ('u2', 'b@x', 'h', 'B', ${t});
      INSERT INTO children (id, site_id, real_name, birth_date, gender, category, alias, created_at) VALUES ('c1', 's1', '王小明', '2016-01-01', 'male', 'other', '小明', ${t});
      INSERT INTO pairings (id, volunteer_user_id, child_id, site_id, status, started_at, created_by) VALUES ('p1', 'u1', 'c1', 's1', 'active', ${t}, 'u2');
      INSERT INTO pairing_visits (id, pairing_id, kind, happened_at, minutes, status, created_at) VALUES
        ('v1', 'p1', 'visit', ${t + 86400000}, 90, 'confirmed', ${t}),
        ('v2', 'p1', 'message', ${t + 2 * 86400000}, 10, 'logged', ${t}),
        ('v3', 'p1', 'call', ${t + 3 * 86400000}, 0, 'rejected', ${t});
    `);
    raw.close();

    const db = openDatabase(file);
    migrate(db);
    const c = db.$client;
    expect(c.prepare('SELECT id, kind, minutes FROM pairing_visits ORDER BY id').all()).toEqual([
      { id: 'v1', kind: 'home_visit', minutes: 90 },
      { id: 'v2', kind: 'letter', minutes: 10 },
      { id: 'v3', kind: 'call', minutes: 1 },
    ]);
    expect(c.prepare('SELECT status, proposed_at AS p, started_at AS s, agreement_signed_on AS d, created_by AS b FROM pairings').get()).toEqual({
      status: 'active',
      p: t,
      s: t,
      d: '2025-03-10',
      b: 'u2',
    });
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    // One live pairing per child, from now on.
    expect(() =>
      c.prepare("INSERT INTO pairings (id, volunteer_user_id, child_id, site_id, status, proposed_at, agreement_signed_on, agreement_witness) VALUES ('p2', 'u2', 'c1', 's1', 'proposed', 1, '2025-03-01', 'w')").run(),
    ).toThrow(/UNIQUE constraint failed/);
    c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
