import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // One module graph per worker, not per file (a third less CPU): every test undoes what it registers, and the
    // files pass in any order (`vitest run --sequence.shuffle.files`).
    isolate: false,
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
