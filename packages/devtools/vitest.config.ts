import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source'] },
  test: {
    // Recorder and connector tests run in node; panel tests opt into happy-dom per file.
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // For the test that checks a stopped recorder can be garbage-collected.
    execArgv: ['--expose-gc'],
  },
});
