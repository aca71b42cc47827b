// `npm start` runs this compiled (build/start.js, after `tsx scripts/build-if-stale.ts`; README D34):
// check the environment, migrate, seed a new database, serve. From source (`tsx scripts/start.ts`) it
// also builds when the build is missing or stale.
process.env.NODE_ENV = 'production';

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, config } from '../app/platform/config.server';

/** Set by the compiler (scripts/build-if-stale.ts): build/start.js is already the build, `tsx scripts/start.ts` is not. */
declare const __COMPILED__: boolean | undefined;

function fail(message: string): never {
  console.error(`WishBridge cannot start: ${message}`);
  process.exit(1);
}

/**
 * The demo seed builds the whole data set in memory (about 300 MB at its peak), more than the server's
 * heap cap (package.json, README D34): the compiled server seeds in a child process without the cap,
 * so the serving process never holds the seed's garbage.
 */
function seedInChildProcess() {
  const flags = process.execArgv.filter((flag) => !flag.startsWith('--max-old-space-size'));
  const result = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), SEED_ONLY], { stdio: 'inherit' });
  if (result.status !== 0) fail('loading the demo data failed (see above).');
}
const SEED_ONLY = '--seed-demo-only';

async function main() {
  if (process.argv.includes(SEED_ONLY)) {
    const { seedDemoData } = await import('../app/server/maintenance.server');
    await seedDemoData(Date.now(), (step) => console.log(`  ${step}`));
    process.exit(0);
  }
  let cfg;
  try {
    cfg = config();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  // A read-only database file (or folder) would let the server start and then die of SIGBUS in SQLite's
  // shared memory, logging nothing: refuse to start instead (README D23).
  const { databaseFileProblems } = await import('../app/data/storage.server');
  const problems = databaseFileProblems(cfg.databasePath);
  for (const warning of problems.warnings) console.warn(`Warning: ${warning}`);
  if (problems.fatal.length > 0) fail(problems.fatal.join('; '));

  const { migrateDatabase, seedDemoData, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('../app/server/maintenance.server');
  let wasNew: boolean;
  try {
    wasNew = migrateDatabase().wasNew;
    const { probeWrite } = await import('../app/data/meta.server');
    probeWrite(Date.now());
  } catch (error) {
    const reason = error instanceof Error ? error.message : ((error as { reason?: string }).reason ?? String(error));
    fail(`the database at ${cfg.databasePath} cannot be opened or written (${reason}). Set DATABASE_PATH to a writable file.`);
  }

  if (typeof __COMPILED__ === 'undefined') {
    const { buildIfStale } = await import('./build-if-stale');
    if (!buildIfStale()) fail('the build failed (see above).');
  }

  if (wasNew && cfg.seedDemo) {
    console.log('New database: loading the demo data…');
    if (typeof __COMPILED__ === 'undefined') await seedDemoData(Date.now(), (step) => console.log(`  ${step}`));
    else seedInChildProcess();
  }

  const { startServer } = await import('../server');
  let server;
  try {
    server = await startServer({ dev: false });
  } catch (error) {
    fail(`cannot listen on ${cfg.host}:${cfg.port} (${(error as Error).message}).`);
  }
  console.log(`\nWishBridge 心愿桥 is running at ${server.url}`);
  const { isDemoDatabase } = await import('../app/data/meta.server');
  if (isDemoDatabase()) {
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):\n${DEMO_ACCOUNTS.map((a) => `  ${a}`).join('\n')}`);
  }
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
