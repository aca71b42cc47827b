// @ts-check
// `npm run test:mutation`: mutation testing of the pure domain (app/domain) against its own tests
// (tests/domain, through vitest.mutation.config.ts). About 15 minutes on two cores; not part of CI.
// A quick run over one file: npx stryker run --mutate app/domain/privacy.ts
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['app/domain/**/*.ts'],
  ignorePatterns: ['/build', '/data', '/.cache', '/tests/.tmp', '/bench/.tmp', '/reports', '*.db', '*.db-wal', '*.db-shm'],
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes at most.
  concurrency: 2,
  timeoutMS: 3_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
