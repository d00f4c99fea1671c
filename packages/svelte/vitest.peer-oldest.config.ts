import { compile } from 'svelte4/compiler';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import svelte5 from './vitest.config.ts';

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
  plugins: [svelte4],
  resolve: {
    ...svelte5.resolve,
    // Every `svelte` and `svelte/*` import, the package's own included, gets Svelte 4.
    alias: [{ find: /^svelte(\/.*)?$/, replacement: 'svelte4$1' }],
  },
  test: { name: 'svelte 4', environment: 'jsdom', include: ['src/svelte4.test.ts'] },
});
