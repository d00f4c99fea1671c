import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { compile } from 'svelte4/compiler';
import { defaultClientConditions, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const conditions = ['@mfe-bus/source', ...defaultClientConditions];

/** Compiles `.svelte` files with Svelte 4 (its Vite plugin needs an older Vite than ours). */
const svelte4: Plugin = {
  name: 'svelte4-compile',
  transform(code, id) {
    if (!id.endsWith('.svelte')) return null;
    const { js } = compile(code, { filename: id, css: 'injected' });
    return { code: js.code, map: js.map };
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [svelte(), svelteTesting()],
        resolve: { conditions },
        test: {
          name: 'svelte 5',
          environment: 'jsdom',
          exclude: ['**/node_modules/**', 'src/svelte4.test.ts'],
        },
      },
      {
        plugins: [svelte4],
        // Every `svelte` and `svelte/*` import, the package's own included, gets Svelte 4.
        resolve: { conditions, alias: [{ find: /^svelte(\/.*)?$/, replacement: 'svelte4$1' }] },
        test: { name: 'svelte 4', environment: 'jsdom', include: ['src/svelte4.test.ts'] },
      },
    ],
  },
});
