import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schema, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { tempDbPath } from '../helpers/db';
import { freePort } from '../helpers/server';
import { addChild, buildWorld, cookieFor, publishedWish } from '../helpers/wish-fixtures';

// Crash durability: SIGKILL the production server at a random moment under claim and sign-up load,
// ROUNDS times on one database file. Every write the server acknowledged (a 302) must be there after the
// crash, and integrity_check must pass. CI runs 3 rounds; `npm run test:durability` runs 15.
const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 3);
const HELPERS = 24;
const WISHES_PER_ROUND = 40;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const databasePath = tempDbPath('durability');
const cookies: string[] = [];
const wishes: string[] = [];

beforeAll(() => {
  const db: DB = openDatabase(databasePath);
  migrate(db);
  useDatabase(db);
  const world = buildWorld(db);
  const now = Date.now();
  for (let i = 0; i < HELPERS; i++) {
    const id = `durable${i}x${now.toString(36)}`;
    db.insert(schema.users).values({ id, email: `durable${i}-${now}@example.org`, passwordHash: 'x', displayName: `志愿者${i}`, createdAt: now }).run();
    db.insert(schema.volunteers).values({ userId: id, status: 'approved', createdAt: now }).run();
    cookies.push(cookieFor(db, id));
  }
  const child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' });
  for (let i = 0; i < ROUNDS * WISHES_PER_ROUND; i++) wishes.push(publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt }));
  closeDatabase();
}, 120_000);

afterAll(() => {
  for (const suffix of ['', '-wal', '-shm', '.mail-key']) fs.rmSync(databasePath + suffix, { force: true });
});

/** The production server as one process (node + tsx loader), so that SIGKILL really kills the server. */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, VITEST: '', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, RESEND_API_KEY: '', SEED_DEMO: 'false', TRUST_PROXY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    child.stdout!.on('data', () => {
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    // A request cut by the crash was never acknowledged.
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

describe(`crash durability: ${ROUNDS} rounds of SIGKILL under claim and sign-up load`, () => {
  it('keeps every acknowledged write, and the database passes integrity_check after each crash', async () => {
    const signedUp: string[] = [];
    const claimed: { wishId: string; helper: number }[] = [];
    let seq = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { url, child } = await startServer();
      let alive = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const roundWishes = wishes.slice(round * WISHES_PER_ROUND, (round + 1) * WISHES_PER_ROUND);
      const signUps = async (w: number) => {
        while (alive) {
          const n = seq++;
          const email = `crash-${round}-${w}-${n}@example.org`;
          const status = await post(`${url}/signup`, new URLSearchParams({ email, password: 'Quiet-River-Bridge-42', displayName: '张晓', accountType: 'volunteer', website: '' }).toString(), {
            'x-forwarded-for': `198.51.100.${n % 250}`,
          });
          if (status === 302) signedUp.push(email);
        }
      };
      const claims = async (w: number) => {
        for (let i = w; alive && i < roundWishes.length; i += 4) {
          const helper = i % HELPERS;
          const status = await post(`${url}/wishes/${roundWishes[i]}`, 'intent=claim', { cookie: cookies[helper] });
          if (status === 302) claimed.push({ wishId: roundWishes[i], helper });
        }
      };
      const load = Promise.all([signUps(0), signUps(1), claims(0), claims(1), claims(2), claims(3)]);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 2_500));
      child.kill('SIGKILL');
      await exited;
      alive = false;
      await load;

      const db = new Database(databasePath);
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round + 1}`).toBe('ok');
        const users = new Set((db.prepare("select email from users where email like 'crash-%'").all() as { email: string }[]).map((r) => r.email));
        for (const email of signedUp) expect(users.has(email), `round ${round + 1}: acknowledged sign-up ${email}`).toBe(true);
        const live = db.prepare("select wish_id from claims where status in ('pending', 'approved')").all() as { wish_id: string }[];
        const liveWishes = new Set(live.map((r) => r.wish_id));
        for (const c of claimed) expect(liveWishes.has(c.wishId), `round ${round + 1}: acknowledged claim on ${c.wishId}`).toBe(true);
        expect(live.length).toBe(liveWishes.size);
      } finally {
        db.close();
      }
    }
    console.info(`crash durability: ${ROUNDS} rounds, ${signedUp.length} acknowledged sign-ups and ${claimed.length} acknowledged claims checked after SIGKILL`);
    expect(signedUp.length + claimed.length).toBeGreaterThan(0);
  }, 900_000);
});
