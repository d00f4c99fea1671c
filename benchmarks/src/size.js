// Sizes, min + gzip, with size-limit's API and the small-lib preset (esbuild bundles and minifies, gzip level 9):
// the same method as the budgets in packages/*/.size-limit.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import smallLib from '@size-limit/preset-small-lib';
import sizeLimit from 'size-limit';
import { demoPageChecks } from './demo-page.js';

export const packagesDir = fileURLToPath(new URL('../../packages/', import.meta.url));
export const BINDINGS = ['react', 'vue', 'svelte', 'angular'];
/** Packages added by the issues after core 1.1; measured when they exist and are built. */
const NEW_PACKAGES = ['contracts', 'devtools', 'bridge', 'live', 'persist'];

/** The file Node's ESM resolver picks for `pkg`, as a bundler would. */
const esmEntry = (pkg) => fileURLToPath(import.meta.resolve(pkg));

/** The JavaScript file an `exports` target names, through nested conditions (`import: { types, default }`). */
const jsFile = (target) => (typeof target === 'string' ? target : jsFile(target.import ?? target.default));

/**
 * One check per JavaScript entry point of packages/<name>: its own code, every dependency and peer dependency
 * (@mfe-bus/core, the framework, tslib) ignored.
 */
export function ownCodeChecks(name, kind) {
  const manifestPath = join(packagesDir, name, 'package.json');
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const ignore = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  return Object.entries(manifest.exports ?? { '.': manifest.module ?? manifest.main })
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, target]) => ({
      kind,
      name: `${manifest.name}${subpath.slice(1)}`,
      file: join(packagesDir, name, jsFile(target)),
      import: '*',
      ignore,
    }));
}

const TRUTOO_BROWSER = '@trutoo/event-bus/dist/index.umd.min.js';
/** Its ESM build (package.json `module`); `main` is CommonJS. */
const LEANJS_ESM = '@leanjs/core/dist/esm/index.js';
const coreFile = join(packagesDir, 'core', 'dist', 'index.js');
const checks = () => [
  { kind: 'core', name: '@mfe-bus/core (ESM, all exports)', file: coreFile, import: '*' },
  { kind: 'core', name: '@mfe-bus/core (IIFE, as shipped)', file: join(packagesDir, 'core/dist/mfe-bus.iife.js') },
  ...BINDINGS.flatMap((name) => ownCodeChecks(name, 'binding')),
  ...NEW_PACKAGES.flatMap((name) => ownCodeChecks(name, 'package')),
  // What a bundler picks for the browser (package.json `browser`): its ESM build needs Node's `url` module.
  { kind: 'peer', name: '@trutoo/event-bus (browser build, as shipped)', file: esmEntry(TRUTOO_BROWSER) },
  {
    kind: 'peer',
    name: '@podium/browser ({ MessageBus })',
    file: esmEntry('@podium/browser'),
    import: '{ MessageBus }',
  },
  {
    kind: 'peer',
    name: '@leanjs/core ({ configureRuntime })',
    file: esmEntry(LEANJS_ESM),
    import: '{ configureRuntime }',
  },
  { kind: 'peer', name: 'mitt', file: esmEntry('mitt'), import: '*' },
  { kind: 'peer', name: 'nanoevents', file: esmEntry('nanoevents'), import: '*' },
  { kind: 'peer', name: 'eventemitter3', file: esmEntry('eventemitter3'), import: '*' },
  { kind: 'peer', name: 'nanostores ({ atom })', file: esmEntry('nanostores'), import: '{ atom }' },
];

/** min + gzip bytes of `check` (`import` absent: the file as shipped, not bundled). */
export async function measure(check) {
  const config = {
    files: [check.file],
    gzip: true,
    ...(check.import
      ? { import: { [check.file]: check.import }, ignore: check.ignore }
      : { disablePlugins: ['@size-limit/esbuild'] }),
  };
  const [{ size }] = await sizeLimit(smallLib, { checks: [config] });
  return size;
}

export async function measureSizes() {
  const rows = [];
  for (const check of checks()) {
    if (!existsSync(check.file)) {
      console.log(`  size ${check.name.padEnd(52)} not built (${check.file}): skipped`);
      continue;
    }
    const bytes = await measure(check);
    rows.push({ kind: check.kind, name: check.name, bytes, ignored: check.ignore ?? [] });
    console.log(`  size ${check.name.padEnd(52)} ${bytes} B min+gzip`);
  }
  const demo = [];
  for (const check of demoPageChecks(coreFile)) {
    const bytes = await measure(check);
    demo.push({ app: check.app, names: check.names, bytes });
    console.log(`  size core in apps/${check.app.padEnd(44)} ${bytes} B min+gzip`);
  }
  return { rows, demo };
}
