import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source'] },
  test: {
    environment: 'node',
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
  },
});
