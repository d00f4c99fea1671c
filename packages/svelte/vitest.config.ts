import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Svelte 5; vitest.peer-oldest.config.ts runs a component compiled and run by Svelte 4 itself.
export default defineConfig({
  // No svelte.config.js: the plugin's defaults are what the tests want.
  plugins: [svelte({ configFile: false }), svelteTesting()],
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    name: 'svelte 5',
    environment: 'jsdom',
    // One DOM per worker, not per file (a third of the time): each test makes its own bus, unmounts what it mounts.
    isolate: false,
    exclude: ['**/node_modules/**', 'src/svelte4.test.ts'],
  },
});
