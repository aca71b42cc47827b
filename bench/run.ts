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

async function pageBench(url: string, paths: string[], rounds: number) {
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const p of paths) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      const res = await fetch(url + p);
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
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
