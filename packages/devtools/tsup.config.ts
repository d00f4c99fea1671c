import { defineConfig } from 'tsup';

// Two entry points: the recorder + Redux DevTools connector (`.`) and the panel custom element (`./panel`),
// so a remote that records never bundles the panel. Shared code lands in a chunk both import.
export default defineConfig({
  entry: { index: 'src/index.ts', panel: 'src/panel/index.ts' },
  format: ['esm'],
  clean: true,
  target: 'es2022',
});
