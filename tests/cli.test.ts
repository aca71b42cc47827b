import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDbPath } from './helpers/db';
import { runCommand } from './helpers/server';

const dbFile = tempDbPath('cli');
const backupFile = tempDbPath('cli-backup');
afterAll(() => {
  for (const f of [dbFile, backupFile]) for (const s of ['', '-wal', '-shm', '.mail-key']) fs.rmSync(f + s, { force: true });
});

const cli = (...args: string[]) => runCommand(['cli.ts', ...args], { DATABASE_PATH: dbFile });

// Each case starts several `tsx cli.ts` processes (about 2 s each, far more while the whole suite
// runs on two cores): the time limit is generous so that a busy machine does not fail it.
describe('command line', { timeout: 90_000 }, () => {
  it('prints help, and refuses unknown commands and flags on stderr with a non-zero exit', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('user:create');
    const unknown = await cli('frobnicate');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badFlag = await cli('migrate', '--force');
    expect(badFlag.code).not.toBe(0);
    expect(badFlag.stderr).toMatch(/Unknown option '--force'/);
  });

  it('migrates, seeds the demo, creates a user, and backs up a database holding the same rows', async () => {
    expect((await cli('migrate')).code).toBe(0);
    const seeded = await cli('seed', '--demo');
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    const again = await cli('seed', '--demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds accounts');

    const weak = await cli('user:create', '--email', 'weak@example.org', '--password', 'Password1!', '--role', 'admin');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('--password is too easy to guess');
    const created = await cli('user:create', '--email', 'Clerk@Example.org', '--password', 'Clerk-Lantern-Harbour-9', '--role', 'staff', '--site', 'lt');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('clerk@example.org');
    const noSite = await cli('user:create', '--email', 'x@example.org', '--password', 'Clerk-Lantern-Harbour-9', '--role', 'staff');
    expect(noSite.code).toBe(1);
    expect(noSite.stderr).toContain('--site');

    const backup = await cli('backup', '--out', backupFile);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const original = new Database(dbFile, { readonly: true });
    const copy = new Database(backupFile, { readonly: true });
    const tables = (original.prepare("select name from sqlite_master where type='table' order by name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toContain('wishes');
    for (const table of tables) {
      const count = (d: Database.Database) => (d.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
      expect(count(copy), table).toBe(count(original));
    }
    expect(copy.prepare("select email from users where email = 'clerk@example.org'").get()).toBeTruthy();
    original.close();
    copy.close();
    const overwrite = await cli('backup', '--out', backupFile);
    expect(overwrite.code).toBe(1);
  });

  it('reports the demo data: json holds every letter figure, errors go to stderr', async () => {
    const letter = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../shared/spec/letter-figures.json'), 'utf8')) as {
      figures: Record<string, { value: number }>;
    };
    const json = await cli('report', '--from', '2025-01-01', '--to', '2025-06-30', '--site', 'wz', '--format', 'json');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const figures = JSON.parse(json.stdout) as Record<string, unknown>;
    for (const [key, f] of Object.entries(letter.figures)) expect(figures[key], key).toBe(f.value);
    expect(typeof figures.serviceHours).toBe('number');

    const text = await cli('report', '--from', '2025-01-01', '--to', '2025-06-30', '--site', 'wz');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('实现微心愿 466 个');
    expect(text.stdout).toContain('发放慰问金、慰问品总计 15.3 万元');

    const backwards = await cli('report', '--from', '2025-07-01', '--to', '2025-06-30');
    expect(backwards.code).toBe(1);
    expect(backwards.stdout).toBe('');
    expect(backwards.stderr).toContain('--to 2025-06-30 is before --from 2025-07-01');
    const badFormat = await cli('report', '--from', '2025-01-01', '--to', '2025-06-30', '--format', 'xml');
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toContain('--format must be json, text or csv');
  });

  it('keeps mail in the outbox without a Resend key', async () => {
    const flushed = await cli('outbox:flush');
    expect(flushed.code).toBe(0);
    expect(flushed.stdout).toMatch(/0 sent, 0 failed, \d+ kept/);
  });
});

describe('start-up with a wrong environment', () => {
  it('says in one line that PORT is not a number, and exits 1', async () => {
    const r = await runCommand(['scripts/start.ts'], { PORT: 'eighty', DATABASE_PATH: tempDbPath('bad') });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('PORT must be a whole number');
  });

  it('says in one line that the database cannot be written, and exits 1', async () => {
    const r = await runCommand(['scripts/start.ts'], { DATABASE_PATH: '/proc/wishbridge/app.db' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('DATABASE_PATH');
  });
});
