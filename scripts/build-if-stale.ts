import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

declare const __COMPILED__: boolean | undefined;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What `npm start` runs: the Remix server build, and the compiled server around it (README D34). */
const REMIX_MARK = path.join(root, 'build/server/index.js');
const SERVER_MARK = path.join(root, 'build/start.js');
/** When the last successful build started (ms): its assets are kept through the next build. */
const BUILD_STARTED = path.join(root, 'build/.build-started');
const ASSET_DIRS = ['build/client/assets', 'build/server/assets'];
const REMIX_SOURCES = ['app', 'public', 'db', 'vite.config.ts', 'scripts/catalogue-split.ts', 'package-lock.json', 'tsconfig.json'];
const SERVER_SOURCES = ['app', 'db', 'server.ts', 'scripts', 'package-lock.json', 'tsconfig.json'];

function newestMtime(target: string): number {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function staleAgainst(mark: string, sources: string[]): boolean {
  if (!fs.existsSync(mark)) return true;
  const built = fs.statSync(mark).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}

export function buildIsStale(): boolean {
  return staleAgainst(REMIX_MARK, REMIX_SOURCES) || staleAgainst(SERVER_MARK, SERVER_SOURCES);
}

/**
 * Builds the production bundle when it is missing or older than any source, and compiles the server when
 * it or its sources changed. Returns false when the build failed.
 */
export function buildIfStale(log: (line: string) => void = console.log): boolean {
  const remixStale = staleAgainst(REMIX_MARK, REMIX_SOURCES);
  if (!remixStale && !staleAgainst(SERVER_MARK, SERVER_SOURCES)) return true;
  const started = Date.now();
  if (remixStale) {
    log('Building the production bundle…');
    const previousStarted = fs.existsSync(BUILD_STARTED) ? Number(fs.readFileSync(BUILD_STARTED, 'utf8')) || 0 : 0;
    const result = spawnSync(path.join(root, 'node_modules/.bin/remix'), ['vite:build'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) return false;
    // The build does not empty build/ (vite.config.ts): a server still running the previous build
    // (`npm start` while `npm test` rebuilds) keeps finding its scripts. Older assets go now.
    for (const dir of ASSET_DIRS) pruneAssetsOlderThan(path.join(root, dir), previousStarted);
    fs.writeFileSync(BUILD_STARTED, String(started));
  } else log('Compiling the server…');
  try {
    compileServer(path.join(root, 'build'));
  } catch {
    return false; // esbuild has printed what failed
  }
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

/**
 * Compiles the server (scripts/start.ts and server.ts with the app modules they import) into one
 * JavaScript file, `<buildDir>/start.js` (and the report's worker, `<buildDir>/report-worker.js`), so that `npm start` runs plain Node without the TypeScript
 * loader (README D34). Packages stay imports from node_modules; the migrations are copied beside it,
 * where db/client.ts looks for them relative to the running file. The compiled server serves the
 * Remix build of the directory it sits in.
 */
export function compileServer(buildDir: string): void {
  esbuild.buildSync({
    entryPoints: [path.join(root, 'scripts/start.ts')],
    outfile: path.join(buildDir, 'start.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define: { __COMPILED__: 'true' },
    logLevel: 'warning',
  });
  // The thread that recomputes the report's figures (README D35): started by the server from beside start.js.
  esbuild.buildSync({
    entryPoints: [path.join(root, 'app/data/report-worker.ts')],
    outfile: path.join(buildDir, 'report-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  fs.rmSync(path.join(buildDir, 'migrations'), { recursive: true, force: true });
  fs.cpSync(path.join(root, 'db/migrations'), path.join(buildDir, 'migrations'), { recursive: true });
}

/**
 * Deletes the files of `dir` last written before `before` (ms): assets of builds older than the
 * previous one. Every build rewrites all of its own files, so what it produced is always newer.
 */
export function pruneAssetsOlderThan(dir: string, before: number): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    if (fs.statSync(file).mtimeMs < before) {
      fs.rmSync(file);
      removed++;
    }
  }
  return removed;
}

// `tsx scripts/build-if-stale.ts`: the first half of `npm start` (package.json), before the compiled server runs.
if (typeof __COMPILED__ === 'undefined' && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!buildIfStale()) {
    console.error('WishBridge cannot start: the build failed (see above).');
    process.exit(1);
  }
}
