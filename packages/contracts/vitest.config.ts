import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source'] },
  test: {
    environment: 'node',
  },
});
