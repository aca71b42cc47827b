// `npm run bench`: figures a newcomer can compare between versions. Nothing here is asserted by tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, migrate } from '../db/client';
import { seedDemo } from '../db/seed/demo';
import { startProductionServer } from '../tests/helpers/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wishbridge-bench-'));

function seedBench() {
  const file = path.join(dir, 'seed.db');
  const db = openDatabase(file);
  migrate(db);
  const started = performance.now();
  seedDemo(db, { now: Date.now(), passwordHash: 'x' });
  const ms = performance.now() - started;
  db.$client.close();
  return { seedMs: Math.round(ms), dbBytes: fs.statSync(file).size };
}

/** Signs in through the login form, as a person would, and returns the session cookie. */
async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: 'demo-password' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 302 || !cookie) throw new Error(`signing in as ${email} answered ${res.status}`);
  return cookie;
}

async function pageBench(url: string, paths: string[], rounds: number, cookie?: string) {
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const p of paths) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      const res = await fetch(url + p, { headers: cookie ? { cookie } : {} });
      await res.text();
      if (!res.ok) throw new Error(`${p} answered ${res.status}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results[p] = { p50: +times[Math.floor(rounds / 2)].toFixed(1), p95: +times[Math.floor(rounds * 0.95)].toFixed(1) };
  }
  return results;
}

async function main() {
  const seed = seedBench();
  console.log('seed', seed);
  const started = performance.now();
  const server = await startProductionServer({ SEED_DEMO: 'true', DATABASE_PATH: path.join(dir, 'server.db') });
  console.log('first start with demo seed (build already present)', Math.round(performance.now() - started), 'ms');
  try {
    console.log('pages (ms, sequential requests)', await pageBench(server.url, ['/', '/wishes', '/activities', '/healthz'], 100));
    // City staff see the whole demo: 1,100 children and every claim and wish, fifty to a page.
    const staff = await signIn(server.url, 'staff@demo.local');
    const staffPages = ['/staff', '/staff/claims', '/staff/wishes', '/staff/children', '/staff/children?page=20'];
    console.log('staff pages, city staff (ms, sequential requests)', await pageBench(server.url, staffPages, 50, staff));
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
