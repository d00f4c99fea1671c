import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the `mfe-bus-contracts` command (Node only); esbuild keeps its #! line.
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  format: ['esm'],
  splitting: false,
  clean: true,
  target: 'es2022',
});
