import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The domain tests alone, for the mutation run (stryker.config.json): no server build, no database.
export default defineConfig({
  resolve: { alias: { '~': path.resolve(__dirname, 'app') } },
  test: {
    include: ['tests/domain/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
