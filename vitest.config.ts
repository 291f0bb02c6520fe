import { defineConfig } from 'vitest/config';

// CI runs on a shared machine where a loaded scheduler can stall a child process for seconds:
// a test gets one more try there. A test that fails twice is a failure; one that needed the
// second try is listed as flaky in the report, to be fixed rather than ignored.
const retry = process.env.CI ? 1 : 0;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
          retry,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // A page on a busy machine may take seconds to render: polls wait up to 10 s, not 1 s.
          expect: { poll: { timeout: 10_000 } },
          pool: 'forks',
          fileParallelism: false,
          retry,
        },
      },
    ],
  },
});
