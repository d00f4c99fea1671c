import { defineConfig } from 'vitest/config';

// Read @mfe-bus/core from its sources (the `@mfe-bus/source` export condition), not its last build.
// happy-dom gives the tests localStorage, sessionStorage and window events (storage, pagehide).
export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source'] },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
