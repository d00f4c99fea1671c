import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // For the tests that check what the bus lets the garbage collector take back.
    execArgv: ['--expose-gc'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts', 'src/types.ts', 'src/records.ts'],
      thresholds: { lines: 95 },
    },
  },
});
