import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_MARK = path.join(root, 'build/server/index.js');
/** When the last successful build started (ms): its assets are kept through the next build. */
const BUILD_STARTED = path.join(root, 'build/.build-started');
const ASSET_DIRS = ['build/client/assets', 'build/server/assets'];
const SOURCES = ['app', 'public', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

function newestMtime(target: string): number {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIsStale(): boolean {
  if (!fs.existsSync(BUILD_MARK)) return true;
  const built = fs.statSync(BUILD_MARK).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/** Builds the production bundle when it is missing or older than any source. Returns false when the build failed. */
export function buildIfStale(log: (line: string) => void = console.log): boolean {
  if (!buildIsStale()) return true;
  log('Building the production bundle…');
  const started = Date.now();
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
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
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
