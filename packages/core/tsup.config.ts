import { defineConfig } from 'tsup';

// Declarations come from tsc (tsconfig.build.json): it type-checks the sources once, faster than a bundled .d.ts.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    clean: true,
    sourcemap: true,
    target: 'es2022',
  },
  {
    // For pages that load plain <script> tags: exposes globalThis.MfeBus.
    entry: { 'mfe-bus': 'src/index.ts' },
    format: ['iife'],
    globalName: 'MfeBus',
    outExtension: () => ({ js: '.iife.js' }),
    minify: true,
    target: 'es2022',
  },
]);
