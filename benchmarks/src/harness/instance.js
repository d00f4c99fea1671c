// Every contender runs in its own instance of its contender module (src/contenders/<name>.js), bundled with its
// library by esbuild and imported under a unique URL. So no contender's calls change the JIT feedback of
// another's loop or library code, whatever ran before it; and libraries whose published ESM Node cannot load
// as is (extensionless deep imports) load the way an app's bundler would load them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const contendersDir = fileURLToPath(new URL('../contenders/', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'mfe-bus-bench-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));

/** Bundle options some contender modules need. */
const BUNDLE_OPTIONS = {
  // @leanjs/core only runs its loaders when `typeof window !== 'undefined'`; give that bundle (and nothing else)
  // Node's own global object as `window`. It never reads window.location: the runtime gets request.url.
  'leanjs-core': { define: { window: 'globalThis' } },
  // React's production build, as deployed.
  'react-cells': { define: { 'process.env.NODE_ENV': '"production"' } },
};

const bundles = new Map();
let instances = 0;

/**
 * A fresh instance of contender module `name`.
 * @param {string} name file name in src/contenders, without `.js`
 * @param {{ coreSource?: string }} [options] `coreSource` replaces @mfe-bus/core's code (a variant of the build)
 */
export async function freshInstance(name, { coreSource } = {}) {
  const key = `${name}\0${coreSource ?? ''}`;
  if (!bundles.has(key)) bundles.set(key, await bundle(name, coreSource, bundles.size));
  return import(`${pathToFileURL(bundles.get(key)).href}?instance=${++instances}`);
}

async function bundle(name, coreSource, id) {
  const result = await build({
    entryPoints: [join(contendersDir, `${name}.js`)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    // CommonJS dependencies bundled into ESM may require Node built-ins.
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
    plugins: coreSource === undefined ? [] : [replaceCore(coreSource)],
    logLevel: 'error',
    ...BUNDLE_OPTIONS[name],
  });
  const file = join(outDir, `${name}-${id}.mjs`);
  writeFileSync(file, result.outputFiles[0].text);
  return file;
}

/** Resolves `@mfe-bus/core` to `source` (core's build is a single module without imports). */
function replaceCore(source) {
  return {
    name: 'replace-core',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^@mfe-bus\/core$/ }, () => ({ path: 'core', namespace: 'core-variant' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'core-variant' }, () => ({ contents: source, loader: 'js' }));
    },
  };
}
