// `npm start`: check the environment, build when needed, migrate, seed a new database, serve.
process.env.NODE_ENV = 'production';

import { buildIfStale } from './build-if-stale';
import { ConfigError, config } from '../app/platform/config.server';

function fail(message: string): never {
  console.error(`WishBridge cannot start: ${message}`);
  process.exit(1);
}

async function main() {
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

  if (!buildIfStale()) fail('the build failed (see above).');

  if (wasNew && cfg.seedDemo) {
    console.log('New database: loading the demo data…');
    await seedDemoData(Date.now(), (step) => console.log(`  ${step}`));
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
