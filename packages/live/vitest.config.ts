import { defineConfig } from 'vitest/config';

// Read @mfe-bus/core from its sources (the `@mfe-bus/source` export condition), not its last build.
export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source'] },
  test: {
    environment: 'node',
    // One module graph per worker, not per file (a third less CPU): every test undoes what it registers, and the
    // files pass in any order (`vitest run --sequence.shuffle.files`).
    isolate: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
