import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDbPath, useTestDatabase } from '../helpers/db';
import { callRoute, uniq } from '../helpers/accounts';
import { expectConsoleError } from '../helpers/console';
import { runCommand, startProductionServer } from '../helpers/server';
import * as healthRoute from '../../app/routes/healthz';
import * as signupRoute from '../../app/routes/signup';
import { health } from '../../app/server/health.server';
import { databaseFileProblems, StorageUnavailable } from '../../app/data/storage.server';
import { writeTx } from '../../app/data/db.server';
import { schema } from '../../db/client';

// Issue 8, item 12: faults that used to go unnoticed.

const { db, file } = useTestDatabase('storage-faults');

const signUp = (email: string) =>
  callRoute(signupRoute.action, {
    url: '/signup',
    form: { email, password: 'Quiet-River-Bridge-42', displayName: '张晓', accountType: 'volunteer', website: '' },
  });

describe('/healthz tells the truth', () => {
  it('reports each check when all is well', async () => {
    const res = await callRoute(healthRoute.loader, { url: '/healthz' });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ ok: true, checks: { database: 'ok', write: 'ok', file: 'ok', disk: 'ok' } });
    // The write probe really committed.
    expect(db.$client.prepare("select value from meta where key = 'healthz'").get()).toBeTruthy();
  });

  it('fails when the database cannot take a write (read-only), through a real write probe', async () => {
    expectConsoleError();
    db.$client.pragma('query_only = ON'); // every write now fails with SQLITE_READONLY
    try {
      const res = await callRoute(healthRoute.loader, { url: '/healthz' });
      expect(res.status).toBe(503);
      expect(res.data.checks).toMatchObject({ database: 'ok', write: 'failed', file: 'ok' });
    } finally {
      db.$client.pragma('query_only = OFF');
    }
  });

  it('answers a write that fails because the disk is full with 503, not 500, and rolls it back', () => {
    expectConsoleError();
    const pages = db.$client.pragma('page_count', { simple: true }) as number;
    // SQLite's own "disk full" (SQLITE_FULL), without filling the machine's disk.
    db.$client.pragma(`max_page_count = ${pages}`);
    let thrown: unknown;
    try {
      writeTx((tx) => {
        for (let i = 0; i < 2000; i++) tx.insert(schema.meta).values({ key: `filler-${i}`, value: 'x'.repeat(2000) }).run();
      });
    } catch (error) {
      thrown = error;
    } finally {
      db.$client.pragma('max_page_count = 1073741823');
    }
    expect(thrown).toBeInstanceOf(StorageUnavailable);
    expect((thrown as Response).status).toBe(503);
    expect((thrown as StorageUnavailable).reason).toBe('SQLITE_FULL');
    expect(db.$client.prepare("select count(*) n from meta where key like 'filler-%'").get()).toEqual({ n: 0 });
  });

  it('fails when free space on the database’s file system is below the headroom', () => {
    expect(health(Date.now(), Number.MAX_SAFE_INTEGER).checks.disk).toBe('failed');
    expect(health(Date.now(), 0).checks.disk).toBe('ok');
  });

  // Last: it deletes this file's database.
  it('fails, and refuses writes with 503, once the database file is deleted under the process', async () => {
    expectConsoleError();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const res = await callRoute(healthRoute.loader, { url: '/healthz' });
    expect(res.status).toBe(503);
    expect(res.data.checks).toMatchObject({ file: 'failed', write: 'failed' });
    const before = db.$client.prepare('select count(*) n from users').get() as { n: number };
    const signup = await signUp(`${uniq('lost')}@example.org`);
    expect(signup.status).toBe(503);
    expect((db.$client.prepare('select count(*) n from users').get() as { n: number }).n).toBe(before.n);
  });
});

describe('the database file’s permissions at start', () => {
  const ro = tempDbPath('read-only');
  afterAll(() => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(ro + suffix, { force: true });
  });

  it('names a read-only database file (even for root) and a file other users can read', () => {
    fs.writeFileSync(ro, '');
    fs.chmodSync(ro, 0o644);
    expect(databaseFileProblems(ro)).toEqual({ fatal: [], warnings: [expect.stringContaining('chmod 600')] });
    fs.chmodSync(ro, 0o444);
    expect(databaseFileProblems(ro).fatal).toEqual([expect.stringContaining('is read-only (mode 444)')]);
    fs.chmodSync(ro, 0o600);
    expect(databaseFileProblems(ro)).toEqual({ fatal: [], warnings: [] });
  });

  it('npm start refuses a read-only database with one clear line and exit code 1, instead of dying later', { timeout: 60_000 }, async () => {
    fs.chmodSync(ro, 0o444);
    const run = await runCommand(['scripts/start.ts'], { DATABASE_PATH: ro, PORT: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/WishBridge cannot start: .*read-only \(mode 444\); run: chmod u\+w/);
  });
});

describe('the production server', () => {
  it('answers a write with a clear 503 page once its database file is deleted, and /healthz says so', { timeout: 120_000 }, async () => {
    const server = await startProductionServer({ SEED_DEMO: 'false' });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(server.databasePath + suffix, { force: true });
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, checks: { file: 'failed' } });
      const write = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'a@example.org', password: 'x' }), redirect: 'manual' });
      expect(write.status).toBe(503);
      expect(await write.text()).toContain('暂时无法保存');
      expect(server.output()).toContain('write refused: storage unavailable');
    } finally {
      await server.stop();
    }
  });
});
