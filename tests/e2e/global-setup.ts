import type { TestProject } from 'vitest/node';
import { buildIfStale } from '../../scripts/build-if-stale';
import { startProductionServer } from '../helpers/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databasePath: string;
  }
}

/** One production server on a fresh demo database for the whole e2e run. */
export default async function setup(project: TestProject) {
  if (!buildIfStale(() => {})) throw new Error('the production build failed');
  const server = await startProductionServer({ SEED_DEMO: 'true' });
  project.provide('baseUrl', server.url);
  project.provide('databasePath', server.databasePath);
  return async () => {
    await server.stop();
  };
}
