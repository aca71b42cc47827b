import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type DB } from '../../db/client';
import { closeDatabase, useDatabase } from '../../app/data/db.server';
import { tempDbPath } from '../helpers/db';
import { approvedHelpers } from '../helpers/race';
import { freePort } from '../helpers/server';
import { claimWish, helperClaimStep, staffClaimStep } from '../../app/services/claims.server';
import { actorOf, addChild, buildWorld, cookieFor, publishedWish } from '../helpers/wish-fixtures';

// Crash durability: SIGKILL the production server at a random moment under claim, confirm and sign-up
// load, ROUNDS times on one database file. Every write the server acknowledged (a 302) must be there
// after the crash, and integrity_check must pass. CI runs 3 rounds; `npm run test:durability` runs 15.
const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 3);
const HELPERS = 24;
const WISHES_PER_ROUND = 40;
/** Delivered claims per round that staff confirm with the value received. */
const CONFIRMS_PER_ROUND = 20;
const VALUE_RECEIVED = '75.50';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const databasePath = tempDbPath('durability');
const cookies: string[] = [];
const wishes: string[] = [];
const delivered: string[] = [];
let staffCookie = '';

beforeAll(() => {
  const db: DB = openDatabase(databasePath);
  migrate(db);
  useDatabase(db);
  const world = buildWorld(db);
  const now = Date.now();
  const helpers = approvedHelpers(db, HELPERS, { prefix: 'durable', now });
  cookies.push(...helpers.map((id) => cookieFor(db, id)));
  const child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' });
  for (let i = 0; i < ROUNDS * WISHES_PER_ROUND; i++) wishes.push(publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt }));
  // Claims approved and delivered beforehand, for staff to confirm under load.
  const staff = actorOf(db, world.users.staffGc);
  for (let i = 0; i < ROUNDS * CONFIRMS_PER_ROUND; i++) {
    const wishId = publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt });
    const helperId = helpers[i % HELPERS];
    const claimed = claimWish(actorOf(db, helperId), wishId, undefined, now);
    if (!claimed.ok) throw new Error(`claim failed: ${JSON.stringify(claimed.error)}`);
    for (const step of [staffClaimStep(staff, claimed.value.claimId, 'approve', {}, now), helperClaimStep(actorOf(db, helperId), wishId, 'deliver', now)]) {
      if (!step.ok) throw new Error(`claim step failed: ${JSON.stringify(step.error)}`);
    }
    delivered.push(claimed.value.claimId);
  }
  staffCookie = cookieFor(db, world.users.staffGc);
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

describe(`crash durability: ${ROUNDS} rounds of SIGKILL under claim, confirm and sign-up load`, () => {
  it('keeps every acknowledged write, and the database passes integrity_check after each crash', async () => {
    const signedUp: string[] = [];
    const claimed: { wishId: string; helper: number }[] = [];
    const confirmed: string[] = [];
    const refusedConfirms: number[] = [];
    let seq = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { url, child } = await startServer();
      let alive = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The crash comes at a random moment once the server answers: on a loaded machine its first answers
      // can take seconds, and a crash before any of them would check nothing.
      let answered!: () => void;
      const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
      const ack = (status: number) => {
        if (status === 302) answered();
        return status;
      };
      const roundWishes = wishes.slice(round * WISHES_PER_ROUND, (round + 1) * WISHES_PER_ROUND);
      const signUps = async (w: number) => {
        while (alive) {
          const n = seq++;
          const email = `crash-${round}-${w}-${n}@example.org`;
          const status = ack(await post(`${url}/signup`, new URLSearchParams({ email, password: 'Quiet-River-Bridge-42', displayName: '张晓', accountType: 'volunteer', website: '' }).toString(), {
            'x-forwarded-for': `198.51.100.${n % 250}`,
          }));
          if (status === 302) signedUp.push(email);
        }
      };
      const claims = async (w: number) => {
        for (let i = w; alive && i < roundWishes.length; i += 4) {
          const helper = i % HELPERS;
          const status = ack(await post(`${url}/wishes/${roundWishes[i]}`, 'intent=claim', { cookie: cookies[helper] }));
          if (status === 302) claimed.push({ wishId: roundWishes[i], helper });
        }
      };
      const roundDelivered = delivered.slice(round * CONFIRMS_PER_ROUND, (round + 1) * CONFIRMS_PER_ROUND);
      const confirms = async () => {
        for (let i = 0; alive && i < roundDelivered.length; i++) {
          const body = new URLSearchParams({ intent: 'confirm', valueReceived: VALUE_RECEIVED, thanks: '收到了,谢谢!' }).toString();
          const status = ack(await post(`${url}/staff/claims/${roundDelivered[i]}`, body, { cookie: staffCookie }));
          if (status === 302) confirmed.push(roundDelivered[i]);
          // Anything but the redirect or a request cut by the crash means the load itself is broken.
          else if (status !== 0) refusedConfirms.push(status);
        }
      };
      const load = Promise.all([signUps(0), signUps(1), claims(0), claims(1), claims(2), claims(3), confirms()]);
      await Promise.race([firstAnswer, new Promise((r) => setTimeout(r, 30_000))]);
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
        const confirmedRows = db.prepare("select id, value_received_fen as fen from claims where status = 'confirmed'").all() as { id: string; fen: number }[];
        const valueOf = new Map(confirmedRows.map((r) => [r.id, r.fen]));
        for (const id of confirmed) expect(valueOf.get(id), `round ${round + 1}: acknowledged confirm of ${id}`).toBe(7550);
      } finally {
        db.close();
      }
    }
    console.info(
      `crash durability: ${ROUNDS} rounds, ${signedUp.length} acknowledged sign-ups, ${claimed.length} acknowledged claims and ${confirmed.length} acknowledged confirms checked after SIGKILL`,
    );
    expect(refusedConfirms).toEqual([]);
    expect(signedUp.length + claimed.length + confirmed.length).toBeGreaterThan(0);
  }, 900_000);
});
