import { defineConfig } from 'vitest/config';

// One static server for the run (global setup), one Chromium per test file, a fresh page per scenario.
// Files run one at a time: the scenarios measure load orders and delays, which 2 busy cores would blur.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
