// `npm run bench`: the production server under load, side by side with an empty page (issue 12).
// Builds into its own directory (bench/.tmp/build) with an empty page that only that build has, seeds a
// database (the demo, or `BENCH_SCALE=N` / `--scale N` through `npm run cli -- seed --scale N` when that
// command exists), starts the compiled server exactly as `npm start` does (same heap cap), and measures
// every page with autocannon at 20 concurrent clients and with one client. Then the server's peak RSS,
// each page's client JavaScript (gzip) and Lighthouse's mobile scores. Writes bench/results.md.
// Nothing here is asserted by tests: speed is measured here, never by timed tests.
//
// Options (environment): BENCH_SCALE=N, BENCH_SECONDS=8 (per page at 20 clients; one client runs half as
// long), BENCH_LIGHTHOUSE=0 to skip Lighthouse, BENCH_REUSE_BUILD=1 to keep an existing bench build,
// BENCH_ONLY=empty,/wishes to measure some rows only (for a lever's before/after), BENCH_DATABASE=path to
// measure a copy of a database seeded before (e.g. by `seed --scale 1000000`) instead of seeding one.
// A run at scale (BENCH_SCALE or BENCH_DATABASE) writes its own part of bench/results.md, beside the demo's.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { compileServer } from '../scripts/build-if-stale';
import { freePort, startCommand } from '../tests/helpers/server';
import { cataloguePart } from '../app/i18n/catalogue-parts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, 'bench/.tmp');
const buildDir = path.join(tmp, 'build');
const EMPTY = '/__bench/empty';
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const argScale = process.argv.indexOf('--scale');
const SCALE = Number(argScale > 0 ? process.argv[argScale + 1] : (process.env.BENCH_SCALE ?? 0)) || 0;
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const DATABASE = process.env.BENCH_DATABASE;
/** Single-client p99 target at scale (issue 12) for the lists marked `p99Target`. */
const P99_TARGET_MS = 50;
const notes: string[] = [];
const started = Date.now();

function log(line: string) {
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
}

// ---------------------------------------------------------------------------------------------- build

function benchBuild() {
  if (process.env.BENCH_REUSE_BUILD === '1' && fs.existsSync(path.join(buildDir, 'start.js'))) {
    log('reusing bench/.tmp/build');
    return;
  }
  log('building the production bundle with the empty page into bench/.tmp/build…');
  fs.rmSync(buildDir, { recursive: true, force: true });
  const result = spawnSync(path.join(root, 'node_modules/.bin/remix'), ['vite:build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', WISHBRIDGE_BENCH_BUILD: '1' },
  });
  if (result.status !== 0) throw new Error('the bench build failed');
  compileServer(buildDir);
}

// ------------------------------------------------------------------------------------------- database

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, VITEST: '', RESEND_API_KEY: '', ...env },
  });
}

function seedDatabase(): string {
  const file = path.join(tmp, `bench-${DATABASE ? 'copy' : SCALE || 'demo'}.db`);
  for (const suffix of ['', '-wal', '-shm', '.mail-key']) fs.rmSync(file + suffix, { force: true });
  const env = { DATABASE_PATH: file };
  if (DATABASE) {
    // A copy: the POST rows write to it, and the original stays as seeded for the next run.
    log(`copying ${DATABASE}…`);
    const checkpoint = spawnSync('sqlite3', [DATABASE, 'pragma wal_checkpoint(TRUNCATE)'], { encoding: 'utf8' });
    if (checkpoint.status !== 0) log(`could not checkpoint ${DATABASE} (${checkpoint.stderr.trim()}): copying its -wal too`);
    for (const suffix of ['', '-wal', '-shm', '.mail-key']) if (fs.existsSync(DATABASE + suffix)) fs.copyFileSync(DATABASE + suffix, file + suffix);
    return file;
  }
  if (SCALE) {
    const help = cli(['--help'], env).stdout;
    if (!help.includes('--scale')) {
      notes.push(`Scale ${SCALE} asked for, but \`npm run cli -- seed --scale N\` does not exist yet: measured at the demo size.`);
      log(`no "seed --scale" command yet: falling back to the demo data`);
    } else {
      log(`seeding --scale ${SCALE}…`);
      const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['cli.ts', 'seed', '--scale', String(SCALE)], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, VITEST: '', RESEND_API_KEY: '', ...env },
      });
      if (run.status !== 0) throw new Error('seed --scale failed');
      return file;
    }
  }
  log('seeding the demo…');
  const run = cli(['seed', '--demo'], env);
  if (run.status !== 0) throw new Error(`seed --demo failed: ${run.stderr}`);
  return file;
}

// ----------------------------------------------------------------------------------------------- server

interface Server {
  url: string;
  pid: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** The bench build's compiled server, started with `npm start`'s flags (the heap cap). */
async function startServer(databasePath: string): Promise<Server> {
  const port = await freePort();
  const args = startCommand().map((arg) => (arg === 'build/start.js' ? path.join(buildDir, 'start.js') : arg));
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, SEED_DEMO: 'false', RESEND_API_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    child.stdout!.on('data', () => {
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // A server still busy with a request that never ends (a page too slow at scale) is not waited for.
      const stuck = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(stuck);
    },
  };
}

/** CPU time (user + system) the process has used, in ms: robust to other work on a shared machine. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0);
  return kb / 1024;
}

// ----------------------------------------------------------------------------------------- discovery

const decode = (s: string) => s.replace(/&amp;/g, '&');

async function html(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

function firstLink(page: string, pattern: RegExp): string | null {
  return page.match(pattern)?.[0] ?? null;
}

function nextLink(page: string): string | null {
  for (const [tag] of page.matchAll(/<a\b[^>]*>/g)) {
    if (/\brel="next"/.test(tag)) return decode(tag.match(/href="([^"]+)"/)?.[1] ?? '') || null;
  }
  return null;
}

function selectValues(page: string, name: string): string[] {
  const select = page.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1] ?? '';
  return [...select.matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
}

async function signIn(url: string, email: string): Promise<string | null> {
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: 'demo-password' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  return res.status === 302 && cookie ? cookie : null;
}

interface Target {
  name: string;
  path: string;
  method?: 'POST';
  body?: string;
  cookie?: string;
  /** What a POST row measured. */
  note?: string;
  /** Lighthouse and client JavaScript are measured for public GET pages. */
  lighthouse?: boolean;
  /** Measured with one client only (the staff lists: a handful of staff read them, never twenty at once). */
  oneOnly?: boolean;
  /** One of the lists whose single-client p99 at scale has a target (issue 12). */
  p99Target?: boolean;
}

async function discover(url: string): Promise<Target[]> {
  const wishes = await html(`${url}/wishes`);
  const wish = firstLink(wishes, /\/wishes\/[a-z0-9]{8,}/);
  const county = selectValues(wishes, 'county')[0];
  const category = selectValues(wishes, 'category')[0];
  // The open wishes fit on a page or two at the demo size: the deep page walks the list of all public wishes.
  let deep: string | null = null;
  let page = await html(`${url}/wishes?show=all`);
  let depth = 0;
  for (; depth < 20; depth++) {
    const next = nextLink(page);
    if (!next) break;
    deep = next;
    page = await html(url + next);
  }
  const activities = await html(`${url}/activities`);
  const activity = firstLink(activities, /\/activities\/[a-z0-9]{8,}/);
  const targets: Target[] = [
    { name: 'empty page (root layout only)', path: EMPTY },
    { name: '`/`', path: '/', lighthouse: true },
    { name: '`/wishes`', path: '/wishes', lighthouse: true, p99Target: true },
    ...(county ? [{ name: '`/wishes` by county', path: `/wishes?county=${county}`, p99Target: true }] : []),
    ...(category ? [{ name: '`/wishes` by category', path: `/wishes?category=${category}`, p99Target: true }] : []),
    { name: '`/wishes?open=1`', path: '/wishes?open=1', p99Target: true },
    { name: '`/wishes?show=all`', path: '/wishes?show=all', p99Target: true },
    ...(deep ? [{ name: `\`/wishes?show=all\` page ${depth + 1} (cursor)`, path: deep, p99Target: true }] : []),
    ...(wish ? [{ name: '`/wishes/:id`', path: wish, lighthouse: true }] : []),
    { name: '`/activities`', path: '/activities', lighthouse: true, p99Target: true },
    { name: '`/activities?when=past`', path: '/activities?when=past', p99Target: true },
    ...(activity ? [{ name: '`/activities/:id`', path: activity }] : []),
  ];
  // The bureau's figures and the staff lists, as the city's staff (staff@demo.local reads the whole city).
  const staff = await signIn(url, 'staff@demo.local');
  if (!staff) notes.push('Could not sign in as staff@demo.local: `/reports` and the staff lists were not measured.');
  else {
    targets.push(
      { name: '`/reports` (this half-year, whole city)', path: '/reports', cookie: staff },
      { name: '`/reports` (H1 2025, whole city)', path: '/reports?from=2025-01-01&to=2025-06-30', cookie: staff },
    );
    const staffWishes = await html(`${url}/staff/wishes?status=published`, staff);
    let staffDeep: string | null = null;
    let staffPage = staffWishes;
    let staffDepth = 0;
    for (; staffDepth < 20; staffDepth++) {
      const next = nextLink(staffPage);
      if (!next) break;
      staffDeep = next;
      staffPage = await html(url + next, staff);
    }
    for (const [name, pagePath] of [
      ['`/staff`', '/staff'],
      ['`/staff/wishes`', '/staff/wishes'],
      ['`/staff/wishes?status=published`', '/staff/wishes?status=published'],
      ...(staffDeep ? [[`\`/staff/wishes?status=published\` page ${staffDepth + 1}`, staffDeep]] : []),
      ['`/staff/claims`', '/staff/claims'],
      ['`/staff/claims?status=pending`', '/staff/claims?status=pending'],
      ['`/staff/activities`', '/staff/activities'],
      ['`/staff/children`', '/staff/children'],
      ['`/staff/pairings`', '/staff/pairings'],
    ] as const) {
      targets.push({ name, path: pagePath, cookie: staff, oneOnly: true, p99Target: true });
    }
  }

  // The POSTs, as an approved helper signed in through /login.
  try {
    await postTargets(url, activity, targets);
  } catch (error) {
    notes.push(`The POSTs could not be set up (${(error as Error).message}).`);
  }
  return ONLY ? targets.filter((t) => ONLY.some((o) => (o === 'empty' ? t.path === EMPTY : t.path === o || t.name.includes(o)))) : targets;
}

async function postTargets(url: string, activity: string | null, targets: Target[]) {
  const helper = await signIn(url, 'volunteer@demo.local');
  if (!helper) notes.push('Could not sign in as volunteer@demo.local: the claim and sign-up POSTs were not measured.');
  else {
    const open = await html(`${url}/wishes`, helper);
    const claimable = firstLink(open, /\/wishes\/[a-z0-9]{8,}/);
    if (claimable) {
      targets.push({
        name: 'claim POST',
        path: claimable,
        method: 'POST',
        body: new URLSearchParams({ intent: 'claim', orgId: '' }).toString(),
        cookie: helper,
        note: 'claim POSTs to one open wish: the first claims it (302), the rest are refused with 409 after the full handling (gates, session, parse, load, can(), lifecycle, rolled-back transaction)',
      });
    }
    const activityPage = activity ? await html(url + activity, helper) : '';
    const slotId = activityPage.match(/name="slotId" value="([^"]+)"/)?.[1];
    if (activity && slotId) {
      targets.push({
        name: 'slot sign-up POST',
        path: activity,
        method: 'POST',
        body: new URLSearchParams({ intent: 'signup', slotId }).toString(),
        cookie: helper,
        note: 'sign-up POSTs to one slot by one helper: the first signs up, the rest answer the repeat after the full handling',
      });
    } else notes.push('No slot to sign up for on the first activity: the sign-up POST was not measured.');
  }
}

// ------------------------------------------------------------------------------------------------ load

interface Load {
  /** Server CPU ms per completed request. */
  cpu: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: string;
}

async function load(url: string, pid: number, target: Target, connections: number, seconds: number): Promise<Load> {
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url: url + target.path,
    connections,
    duration: seconds,
    method: target.method ?? 'GET',
    headers: {
      'accept-encoding': 'gzip, deflate, br',
      ...(target.cookie ? { cookie: target.cookie } : {}),
      ...(target.method === 'POST' ? { origin: url, 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: target.body,
  });
  const codes = result.statusCodeStats ?? {};
  const done = Object.values(codes).reduce((sum, { count }) => sum + count, 0);
  return {
    cpu: done ? (cpuMs(pid) - cpuBefore) / done : 0,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: [
      ...Object.entries(codes).map(([code, { count }]) => `${code}×${count}`),
      // A request still unanswered after autocannon's 10 s, or a broken connection: the page did not keep up at all.
      ...(result.timeouts ? [`timed out×${result.timeouts}`] : []),
      ...(result.errors - result.timeouts > 0 ? [`errors×${result.errors - result.timeouts}`] : []),
    ].join(' ') || 'no answer',
  };
}

/** The gzip size of the scripts a page's HTML makes the browser load (modulepreload and module scripts, and the language). */
async function clientJs(url: string, target: Target): Promise<number> {
  const page = await html(url + target.path, target.cookie);
  const assets = new Set<string>();
  for (const m of page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) assets.add(m[1]);
  for (const m of page.matchAll(/<script[^>]*src="([^"]+)"/g)) assets.add(m[1]);
  for (const m of page.matchAll(/import\("([^"]+\.js)"\)|from "([^"]+\.js)"/g)) assets.add(m[1] ?? m[2]);
  let bytes = 0;
  const lang = page.match(/<html lang="([^"]+)"/)?.[1] ?? 'zh-CN';
  const counted = new Set<string>();
  for (const asset of assets) {
    const text = Buffer.from(await (await fetch(new URL(asset, url))).arrayBuffer());
    bytes += gzipSync(text).length;
    // entry.client loads the page's language catalogue before hydrating (vite.config.ts): it counts too, and
    // on a page that is not public the rest of the language as well (app/i18n/catalogue-parts.ts).
    const parts = cataloguePart(new URL(target.path, url).pathname) === 'public' ? ['catalogue'] : ['catalogue', 'texts-rest'];
    for (const part of parts) {
      const chunk = [...text.toString().matchAll(new RegExp(`"(?:\\./|/assets/)?([^"/]*${part}_(zh-CN|en)-[^"/]*\\.js)"`, 'g'))].find((m) => m[2] === lang);
      if (chunk && !counted.has(chunk[1]!)) {
        counted.add(chunk[1]!);
        bytes += gzipSync(Buffer.from(await (await fetch(new URL(`/assets/${chunk[1]}`, url))).arrayBuffer())).length;
      }
    }
  }
  return bytes;
}

// ------------------------------------------------------------------------------------------ lighthouse

type Scores = { performance: number; accessibility: number; 'best-practices': number; seo: number };

async function lighthouseScores(url: string, targets: Target[]): Promise<Map<string, Scores>> {
  const scores = new Map<string, Scores>();
  if (process.env.BENCH_LIGHTHOUSE === '0') {
    notes.push('Lighthouse skipped (BENCH_LIGHTHOUSE=0).');
    return scores;
  }
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromePath)) {
    notes.push(`Lighthouse skipped: no Chromium at ${chromePath}.`);
    return scores;
  }
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    for (const target of targets.filter((t) => t.lighthouse)) {
      log(`lighthouse ${target.path}`);
      const result = await lighthouse(url + target.path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const categories = result?.lhr.categories ?? {};
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      scores.set(target.name, { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') });
    }
  } finally {
    await chrome.kill();
  }
  return scores;
}

// ------------------------------------------------------------------------------------------------ main

/** Issue 12's targets, each met or not, from this run's figures. */
function verdicts(rows: Row[], scores: Map<string, Scores>, peakRss: number, atScale: boolean): string {
  const empty = rows.find((r) => r.target.path === EMPTY)?.many;
  const lines = ['Against the targets (this run):', ''];
  const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
  if (empty?.cpu) {
    for (const { target, many } of rows) {
      if (!many || target.path === EMPTY || target.cookie && !target.method) continue;
      const want = target.method ? 40 : target.path.startsWith('/wishes') && !/^\/wishes\/[^?]/.test(target.path) ? 60 : 50;
      const byCpu = Math.round((empty.cpu / many.cpu) * 100);
      const byRps = empty.rps ? Math.round((many.rps / empty.rps) * 100) : 0;
      lines.push(`- ${target.name} ≥ ${want}% of the empty page: ${mark(Math.max(byCpu, byRps) >= want)} (${byCpu}% by CPU, ${byRps}% by req/s)`);
    }
  }
  if (atScale) {
    // A page that answered nothing in its window has no latency to speak of: not met.
    const answered = (load: Load) => /^2\d\d×/.test(load.statuses) && !/timed out|errors/.test(load.statuses);
    for (const { target, one } of rows.filter((r) => r.target.p99Target)) {
      lines.push(`- ${target.name} single-client p99 < ${P99_TARGET_MS} ms: ${mark(answered(one) && one.p99 < P99_TARGET_MS)} (${answered(one) ? `${one.p99} ms` : one.statuses})`);
    }
    for (const { target, one } of rows.filter((r) => r.target.path.startsWith('/reports'))) {
      lines.push(`- ${target.name} < 200 ms: ${mark(answered(one) && one.p99 < 200)} (${answered(one) ? `single-client p50 ${one.p50} ms, p99 ${one.p99} ms` : one.statuses})`);
    }
  } else lines.push(`- Single-client p99 < ${P99_TARGET_MS} ms and \`/reports\` < 200 ms hold at N = 1M: see the run at scale.`);
  lines.push(`- Peak RSS < 300 MB: ${mark(peakRss < 300)} (${peakRss.toFixed(0)} MB)`);
  const wishesJs = rows.find((r) => r.target.path === '/wishes')?.js;
  if (wishesJs) lines.push(`- \`/wishes\` client JavaScript ≤ 110 kB gzip: ${mark(wishesJs <= 110_000)} (${(wishesJs / 1000).toFixed(1)} kB)`);
  for (const [name, s] of scores) {
    const ok = s.performance >= 95 && s.accessibility === 100 && s['best-practices'] === 100 && s.seo === 100;
    lines.push(`- Lighthouse ${name} ≥ 95 / 100 / 100 / 100: ${mark(ok)} (${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo})`);
  }
  return lines.join('\n');
}

interface Row {
  target: Target;
  many: Load | null;
  one: Load;
  js: number | null;
}

function machine(): string {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (load average at the start: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}; the machine is shared)`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; server flags: \`${startCommand().slice(0, -1).join(' ')}\``,
  ].join('\n');
}

function table(rows: Row[], scores: Map<string, Scores>): string {
  const empty = rows.find((r) => r.target.path === EMPTY)?.many;
  const lines = [
    `| page | req/s (${CONNECTIONS} clients) | share of empty | server CPU ms / request | share of empty (by CPU) | p50 / p99 ms (${CONNECTIONS} clients) | req/s (1 client) | p50 / p99 ms (1 client) | client JS gzip | Lighthouse perf / a11y / BP / SEO | statuses (${CONNECTIONS} clients) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const { target, many, one, js } of rows) {
    const s = scores.get(target.name);
    const p99 = target.p99Target && one.p99 >= P99_TARGET_MS ? `**${one.p99}**` : `${one.p99}`;
    lines.push(
      many
        ? `| ${target.name} | ${many.rps.toFixed(0)} | ${empty?.rps ? `${Math.round((many.rps / empty.rps) * 100)}%` : '—'} | ${many.cpu.toFixed(1)} | ${empty?.cpu && many.cpu ? `${Math.round((empty.cpu / many.cpu) * 100)}%` : '—'} | ${many.p50} / ${many.p99} | ${one.rps.toFixed(0)} | ${one.p50} / ${p99} | ${js === null ? '—' : `${(js / 1000).toFixed(1)} kB`} | ${s ? `${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo}` : '—'} | ${many.statuses} |`
        : `| ${target.name} (one client only) | — | — | ${one.cpu.toFixed(1)} | — | — | ${one.rps.toFixed(0)} | ${one.p50} / ${p99} | — | — | ${one.statuses} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  fs.mkdirSync(tmp, { recursive: true });
  benchBuild();
  const databasePath = seedDatabase();
  log('starting the compiled server…');
  let server = await startServer(databasePath);
  const idleRss = procStatus(server.pid, 'VmRSS');
  let peakRss = idleRss;
  const poll = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, procStatus(server.pid, 'VmRSS'));
    } catch {
      /* the server has exited */
    }
  }, 200);
  const rows: Row[] = [];
  let scores = new Map<string, Scores>();
  try {
    const targets = await discover(server.url);
    for (const target of targets) {
      log(`${target.method ?? 'GET'} ${target.path}`);
      await load(server.url, server.pid, target, target.oneOnly ? 1 : CONNECTIONS, 1); // warm-up, not counted
      const many = target.oneOnly ? null : await load(server.url, server.pid, target, CONNECTIONS, SECONDS);
      const one = await load(server.url, server.pid, target, 1, Math.max(2, Math.round(SECONDS / 2)));
      const js = target.method || target.cookie ? null : await clientJs(server.url, target);
      rows.push({ target, many, one, js });
      console.log(`    ${many ? `${many.cpu.toFixed(1)} CPU ms/request, ${many.rps.toFixed(0)} req/s, p50 ${many.p50} ms, p99 ${many.p99} ms; ` : ''}one client ${one.rps.toFixed(0)} req/s, p99 ${one.p99} ms, ${one.cpu.toFixed(1)} CPU ms/request; ${(many ?? one).statuses}`);
      // A page that keeps the server busy past its window would spoil every row after it: wait for the empty page
      // to answer, and start a new server if it does not within 30 s (said in the notes).
      const answered = await fetch(server.url + EMPTY, { signal: AbortSignal.timeout(30_000) }).then((r) => r.ok, () => false);
      if (!answered) {
        notes.push(`After ${target.name} the server did not answer the empty page within 30 s: it was stopped and a new one started for the rows after it.`);
        log('the server is stuck: starting a new one');
        peakRss = Math.max(peakRss, procStatus(server.pid, 'VmHWM'));
        await server.stop();
        server = await startServer(databasePath);
      }
    }
    scores = await lighthouseScores(server.url, targets);
  } finally {
    clearInterval(poll);
    peakRss = Math.max(peakRss, procStatus(server.pid, 'VmHWM'));
    await server.stop();
  }

  const wishes = spawnSync('sqlite3', [databasePath, 'select count(*) from wishes'], { encoding: 'utf8' }).stdout.trim();
  const atScale = Boolean(DATABASE || (SCALE && !notes.some((n) => n.startsWith('Scale'))));
  const dataLabel = `${DATABASE ? `a copy of ${DATABASE}` : atScale ? `seed --scale ${SCALE}` : 'the demo'} (${Number(wishes).toLocaleString('en')} wishes)`;
  const head = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim()}, data: ${dataLabel}; ${SECONDS} s per page at ${CONNECTIONS} clients, ${Math.max(2, Math.round(SECONDS / 2))} s with one client, after a 1 s warm-up; requests send \`Accept-Encoding: gzip, deflate, br\`.`,
    '',
    machine(),
    '',
    table(rows, scores),
    '',
    'Share of empty (by CPU): the empty page\'s server CPU time per request over the page\'s — the req/s share the page would have if the server had the cores to itself, and far less disturbed by other work on the machine than req/s.',
    '',
    `Server RSS: ${idleRss.toFixed(0)} MB idle after start, **${peakRss.toFixed(0)} MB peak** (VmHWM) over the whole run.`,
    '',
    verdicts(rows, scores, peakRss, atScale),
    '',
    ...rows.filter((r) => r.target.note).map((r) => `- ${r.target.name}: ${r.target.note}.`),
    ...notes.map((n) => `- ${n}`),
    '',
    `The whole bench took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n');
  console.log(`\n${head}`);
  if (ONLY) return; // a partial run (a lever's before/after) does not replace the table
  // The demo run and the run at scale each keep their own part of the file.
  const marker = atScale ? 'bench-scale' : 'bench';
  const file = path.join(root, 'bench/results.md');
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Bench results\n';
  const start = previous.indexOf(`<!-- ${marker}:start -->`);
  const end = previous.indexOf(`<!-- ${marker}:end -->`);
  const body = `<!-- ${marker}:start -->\n${head}\n<!-- ${marker}:end -->`;
  fs.writeFileSync(file, start >= 0 && end > start ? previous.slice(0, start) + body + previous.slice(end + `<!-- ${marker}:end -->`.length) : `${previous}\n${body}\n`);
  log(`wrote bench/results.md (${marker})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
