import { defineConfig } from 'vite';

// An ordinary page (dist/index.html and its assets), served by scripts/serve.mjs from a second port: another
// origin than the shell's. Its own copy of @mfe-bus/core is inside its bundle; it meets the shell's bus only
// through the bridge.
export default defineConfig({
  build: { target: 'es2022' },
});
