import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import smallLib from '@size-limit/preset-small-lib';
import sizeLimit from 'size-limit';

const here = dirname(fileURLToPath(import.meta.url));
const coreDir = join(here, '..', '..', 'packages', 'core');

/** The file Node's ESM resolver (the "import" condition) picks for `pkg`, as a bundler would. */
const esmEntry = (pkg) => fileURLToPath(import.meta.resolve(pkg));

/**
 * Same method as packages/core/.size-limit.json (size-limit with the small-lib preset: esbuild bundles and
 * minifies the import, then gzip level 9), applied to mfe-bus and its peers.
 */
const checks = [
  { name: '@mfe-bus/core (ESM, all exports)', file: join(coreDir, 'dist/index.js'), import: '*' },
  { name: '@mfe-bus/core (IIFE, as shipped)', file: join(coreDir, 'dist/mfe-bus.iife.js'), bundle: false },
  { name: 'mitt', file: esmEntry('mitt'), import: '*' },
  { name: 'nanoevents', file: esmEntry('nanoevents'), import: '*' },
  { name: 'eventemitter3', file: esmEntry('eventemitter3'), import: '*' },
  { name: 'nanostores ({ atom })', file: esmEntry('nanostores'), import: '{ atom }' },
  { name: 'nanostores (all exports)', file: esmEntry('nanostores'), import: '*' },
];

export async function measureSizes() {
  const rows = [];
  for (const check of checks) {
    const config = {
      checks: [
        {
          files: [check.file],
          gzip: true,
          ...(check.bundle === false
            ? { disablePlugins: ['@size-limit/esbuild'] }
            : { import: { [check.file]: check.import } }),
        },
      ],
    };
    const [{ size }] = await sizeLimit(smallLib, config);
    rows.push({ name: check.name, bytes: size });
    console.log(`  size ${check.name.padEnd(36)} ${size} B min+gzip`);
  }
  return rows;
}
