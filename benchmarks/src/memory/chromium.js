// The per-subscription memory figures again, in Chromium (Debian's, driven by playwright-core): where
// microfrontends run. Chrome's V8 compresses pointers (4-byte slots) and Node 20's does not (8-byte slots), so
// the same objects take about half the bytes there. Each figure of each library is measured in a fresh browser
// context (so no garbage of an earlier figure is on its heap), bundled for the browser by esbuild; the heap is
// read with `performance.memory` (exact with --enable-precise-memory-info) after two full GCs (--expose-gc).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@mfe-bus/test-utils/chromium';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { LIBRARIES, MEASURE_NAMES } from './heap-probes.js';

const contenders = fileURLToPath(new URL('../contenders/', import.meta.url));
const probes = fileURLToPath(new URL('./heap-probes.js', import.meta.url));

/**
 * Node's `url` as an empty module, as webpack's `resolve.fallback: { url: false }` gives it: @trutoo/event-bus's
 * ESM build imports jsonschema, which requires `url` for `$ref`s this benchmark never uses.
 */
const noNodeUrl = {
  name: 'no-node-url',
  setup(build) {
    build.onResolve({ filter: /^url$/ }, () => ({ path: 'url', namespace: 'empty' }));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};' }));
  },
};

/** A classic script that defines `measureMemory(field, quick)` for one library's `memory` adapter. */
async function pageScript(module) {
  const entry = `
    import { memory } from ${JSON.stringify(`${contenders}${module}.js`)};
    import { measureField } from ${JSON.stringify(probes)};
    const heapUsed = () => {
      gc();
      gc();
      return performance.memory.usedJSHeapSize;
    };
    globalThis.measureMemory = (field, quick) => measureField(field, memory, heapUsed, quick);
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: contenders, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    // As memory/node.js loads them (@trutoo/event-bus's `browser` build is a UMD bundle without exports).
    mainFields: ['module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [noNodeUrl],
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** Rows as memory/node.js's `perSubscription`, or undefined (with a line saying why) without Chromium. */
export async function measureInChromium({ quick }) {
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`  no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH): skipped`);
    return undefined;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const rows = [];
    for (const [name, module] of LIBRARIES) {
      const script = await pageScript(module);
      const row = { name };
      for (const field of MEASURE_NAMES) {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.addScriptTag({ content: script });
          row[field] = await page.evaluate(([measure, isQuick]) => measureMemory(measure, isQuick), [field, quick]);
        } finally {
          await context.close();
        }
      }
      rows.push(row);
      console.log(
        `  memory in Chromium ${name.padEnd(28)} ${row.oneTopic} B/subscription (one topic), ` +
          `${row.ownTopic} B (own topic), ${row.heldAfterUnsubscribe} B held after unsubscribe`,
      );
    }
    return rows;
  } finally {
    await browser.close();
  }
}
