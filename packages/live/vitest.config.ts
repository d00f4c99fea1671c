import { defineConfig } from 'vitest/config';

// Read @mfe-bus/core from its sources (the `@mfe-bus/source` export condition), not its last build.
export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source'] },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
