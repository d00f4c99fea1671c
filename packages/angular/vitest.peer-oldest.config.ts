import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import angular from '@analogjs/vite-plugin-angular';
import { defineConfig } from 'vitest/config';
import angular21 from './vitest.config.ts';

// Angular 20 is installed apart (peers/angular-20), so its packages resolve each other. Each entry point the tests
// and the TestBed setup import is resolved there, through its package's exports.
const fromAngular20 = createRequire(fileURLToPath(new URL('../../peers/angular-20/package.json', import.meta.url)));
const entries = [
  '@angular/core',
  '@angular/core/testing',
  '@angular/common',
  '@angular/compiler',
  '@angular/platform-browser',
  '@angular/platform-browser/testing',
  'zone.js',
];

// Angular 21's compiler writes code for Angular 21: on Angular 20 the tests' components are compiled just in time,
// by Angular 20's own compiler.
export default defineConfig({
  plugins: [angular({ tsconfig: 'tsconfig.spec.json', jit: true })],
  resolve: {
    ...angular21.resolve,
    alias: entries.map((entry) => ({ find: new RegExp(`^${entry}$`), replacement: fromAngular20.resolve(entry) })),
  },
  test: {
    ...angular21.test,
    name: 'angular 20',
    // The TestBed setup imports Angular too: through Vite, so that it gets Angular 20.
    server: { deps: { inline: [/@analogjs\/vitest-angular/] } },
  },
});
