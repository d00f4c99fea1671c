import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import angular from '@analogjs/vite-plugin-angular';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Angular 20 is installed apart (peers/angular-20), so its packages resolve each other. Each entry point the tests
// and the TestBed setup import is resolved there, through its package's exports.
const fromAngular20 = createRequire(fileURLToPath(new URL('../../peers/angular-20/package.json', import.meta.url)));
const angular20 = [
  '@angular/core',
  '@angular/core/testing',
  '@angular/common',
  '@angular/compiler',
  '@angular/platform-browser',
  '@angular/platform-browser/testing',
  'zone.js',
].map((entry) => ({ find: new RegExp(`^${entry}$`), replacement: fromAngular20.resolve(entry) }));

export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.ts'],
    // Both ends of the peer range. Angular 21's compiler writes code for Angular 21, so on Angular 20 the tests'
    // components are compiled just in time, by Angular 20's own compiler.
    projects: [
      { extends: true, plugins: [angular({ tsconfig: 'tsconfig.spec.json' })], test: { name: 'angular 21' } },
      {
        extends: true,
        plugins: [angular({ tsconfig: 'tsconfig.spec.json', jit: true })],
        resolve: { alias: angular20 },
        // The TestBed setup imports Angular too: through Vite, so it gets Angular 20.
        test: { name: 'angular 20', server: { deps: { inline: [/@analogjs\/vitest-angular/] } } },
      },
    ],
  },
});
