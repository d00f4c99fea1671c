import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __MFE_BUS_VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'es2022',
    define,
  },
  {
    // For pages that load plain <script> tags: exposes globalThis.MfeBus.
    entry: { 'mfe-bus': 'src/index.ts' },
    format: ['iife'],
    globalName: 'MfeBus',
    outExtension: () => ({ js: '.iife.js' }),
    minify: true,
    target: 'es2022',
    define,
  },
]);
