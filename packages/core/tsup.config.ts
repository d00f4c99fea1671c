import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
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
