import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source'] },
  test: {
    environment: 'node',
    // One module graph per worker, not per file (a third less CPU): every test undoes what it registers, and the
    // files pass in any order (`vitest run --sequence.shuffle.files`).
    isolate: false,
  },
});
