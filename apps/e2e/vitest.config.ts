import { defineConfig } from 'vitest/config';

// One static server for the run (global setup; a file that counts connections starts its own), one Chromium per
// test file, a fresh browser context per scenario. Two files at a time and up to three scenarios of a file side by
// side: the tests assert orders of events and wait for conditions, never for durations, so this changes no outcome.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    maxWorkers: 2,
    maxConcurrency: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
