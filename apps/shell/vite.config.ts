import { defineConfig } from 'vite';

// The shell is an ordinary Vite app. Remotes are not bundled into it: it import()s their own bundles from
// /remotes/<name>/remote.js at run time (see src/remotes/load-remote.ts and scripts/serve.mjs).
export default defineConfig({
  build: { target: 'es2022' },
});
