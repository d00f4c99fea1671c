import angular from '@analogjs/vite-plugin-angular';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Angular 21; vitest.peer-oldest.config.ts runs the same tests on Angular 20, the other end of the peer range.
export default defineConfig({
  plugins: [angular({ tsconfig: 'tsconfig.spec.json' })],
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    name: 'angular 21',
    globals: true,
    environment: 'jsdom',
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.ts'],
    // zone.test.ts loads zone.js, which cannot be unloaded: a zoneless app of a later file in the same worker then
    // warns that Zone.js is loaded (NG0914). True of this test process only, so not worth printing.
    onConsoleLog: (log) => !log.startsWith('NG0914'),
  },
});
