import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Type-checking a README's blocks builds a whole TypeScript program.
    testTimeout: 60_000,
    // The checks keep no state between files: they share one import of TypeScript, Volar and svelte2tsx.
    isolate: false,
  },
});
