import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// One ES module, dist/remote.js, exporting mount/unmount. Nothing is external: Svelte's runtime and
// this remote's own copy of @mfe-bus/core are inside the bundle (the page-wide bus is still shared, through
// the core's global registry).
export default defineConfig({
  plugins: [svelte({ configFile: false })], // no svelte.config.js: the defaults are what it wants
  build: {
    target: 'es2022',
    minify: true,
    lib: { entry: 'src/remote.ts', formats: ['es'], fileName: () => 'remote.js' },
  },
});
