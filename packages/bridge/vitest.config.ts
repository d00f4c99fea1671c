import { defineConfig } from 'vitest/config';

// Core and contracts are read from their sources (the `@mfe-bus/source` export condition), not their builds.
export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source'] },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
