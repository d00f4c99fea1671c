import { defineConfig } from 'vitest/config';

// Read @mfe-bus/core from its sources (the `@mfe-bus/source` export condition), not its last build. Node tests
// resolve through the SSR settings, happy-dom tests through the client ones: both get the condition.
const conditions = ['@mfe-bus/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // Recorder and connector tests run in node; panel DOM tests opt into happy-dom per file.
    environment: 'node',
    // One module graph per worker, not per file (a third less CPU): every test undoes what it registers, and the
    // files pass in any order (`vitest run --sequence.shuffle.files`).
    isolate: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // For the test that checks a stopped recorder can be garbage-collected.
    execArgv: ['--expose-gc'],
  },
});
