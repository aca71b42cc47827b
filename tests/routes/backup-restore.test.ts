import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDbPath } from '../helpers/db';
import { runCommand, startProductionServer, type RunningServer } from '../helpers/server';

// Back up under write load, restore into a fresh path, check integrity and that the server serves it.

const backupFile = tempDbPath('restore-backup');
const restoredFile = tempDbPath('restore-target');
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const f of [backupFile, restoredFile]) for (const s of ['', '-wal', '-shm', '.mail-key', '.restoring']) fs.rmSync(f + s, { force: true });
});

const count = (file: string, query: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(query).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('backup and restore', () => {
  it('backs up under write load, restores into a new file that passes integrity_check, and serves it', { timeout: 240_000 }, async () => {
    const server = await startProductionServer({ SEED_DEMO: 'true', TRUST_PROXY: '1' });
    servers.push(server);
    // Write load: sign-ups from many addresses (the sign-up limit is per IP) until told to stop.
    let stop = false;
    const acknowledged: string[] = [];
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const email = `load-${w}-${i}-${Date.now()}@example.org`;
        const res = await fetch(`${server.url}/signup`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'X-Forwarded-For': `203.0.113.${(w * 50 + i) % 250}` },
          body: new URLSearchParams({ email, password: 'Quiet-River-Bridge-42', displayName: '张晓', accountType: 'volunteer', website: '' }),
        });
        expect(res.status, await res.text().catch(() => '')).toBe(302);
        acknowledged.push(email);
      }
    };
    const writers = [0, 1, 2].map(writer);
    while (acknowledged.length < 5) await new Promise((r) => setTimeout(r, 100));
    const before = acknowledged.length;
    const backup = await runCommand(['cli.ts', 'backup', '--out', backupFile], { DATABASE_PATH: server.databasePath });
    stop = true;
    await Promise.all(writers);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);

    // Restore refuses without an explicit target, and refuses to overwrite the running server's database.
    const noTarget = await runCommand(['cli.ts', 'restore', '--from', backupFile], { DATABASE_PATH: server.databasePath });
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toContain('restore needs an explicit --to NEWFILE');
    const overwrite = await runCommand(['cli.ts', 'restore', '--from', backupFile, '--to', server.databasePath]);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toMatch(/already exists; restore writes only a new file/);

    const restore = await runCommand(['cli.ts', 'restore', '--from', backupFile, '--to', restoredFile]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/integrity_check ok/);
    const db = new Database(restoredFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Every sign-up acknowledged before the backup began is in it; the backup is one consistent moment.
    const users = count(restoredFile, "select count(*) n from users where email like 'load-%'");
    expect(users).toBeGreaterThanOrEqual(before);
    expect(users).toBeLessThanOrEqual(acknowledged.length);
    expect(count(restoredFile, "select count(*) n from volunteers v join users u on u.id = v.user_id where u.email like 'load-%'")).toBe(users);

    const restored = await startProductionServer({ DATABASE_PATH: restoredFile, SEED_DEMO: 'false' });
    servers.push(restored);
    expect((await fetch(`${restored.url}/healthz`)).status).toBe(200);
    const home = await (await fetch(`${restored.url}/`)).text();
    expect(home).toContain('演示数据');
    const login = await fetch(`${restored.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ email: 'volunteer@demo.local', password: 'demo-password' }),
    });
    expect(login.status).toBe(302);
  });
});
