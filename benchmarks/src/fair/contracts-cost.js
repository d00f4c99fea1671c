// What @mfe-bus/contracts costs a publish: the same publish with a contract installed (a valibot object
// schema, reject mode) and without. `node src/fair/contracts-cost.js [--quick]` (after
// `pnpm turbo run build`) prints the table; issue 16 folds it into RESULTS.md.
//
// Every contender loads its own esbuild bundle of core, contracts and valibot, imported under its own URL, so
// one contender's calls cannot change the JIT feedback of another's; each has its own loop.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compare, paired } from '../harness/paired.js';

// The contender module. The payload is shaped like the demo's cart:updated.
const CONTENDER = `
import { createBus } from '@mfe-bus/core';
import { installContracts } from '@mfe-bus/contracts';
import * as v from 'valibot';

export const sink = { value: 0 };
const cartUpdated = v.object({ remote: v.picklist(['react', 'vue', 'svelte', 'angular']), item: v.string(), count: v.number() });

// What the plugin itself costs: a schema that accepts every value as it is.
const passThrough = { '~standard': { version: 1, vendor: 'none', validate: (value) => ({ value }) } };

export function publishLoop(contracts, schemaName) {
  const schema = schemaName === 'pass-through' ? passThrough : cartUpdated;
  const bus = createBus();
  bus.subscribe('cart:updated', (payload) => {
    sink.value += payload.count;
  });
  if (contracts) installContracts(bus, { events: { [contracts]: { schema, owner: 'react' } } }, { mode: 'reject' });
  const react = bus.scope('react');
  return (n) => {
    for (let i = 0; i < n; i++) react.publish('cart:updated', { remote: 'react', item: 'book', count: i });
  };
}
`;

const outDir = mkdtempSync(join(tmpdir(), 'mfe-bus-contracts-cost-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
const bundle = await build({
  stdin: { contents: CONTENDER, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  // valibot is a dev dependency of @mfe-bus/contracts (its tests use it), not of the benchmarks.
  nodePaths: [fileURLToPath(new URL('../../../packages/contracts/node_modules', import.meta.url))],
  logLevel: 'error',
});
const file = join(outDir, 'contender.mjs');
writeFileSync(file, bundle.outputFiles[0].text);

let instances = 0;
/** A publish loop in a fresh instance of the bundle; `contracts`: the topic given a contract, if any. */
async function publishLoop(contracts, schema = 'valibot') {
  const instance = await import(`${pathToFileURL(file).href}?instance=${++instances}`);
  return instance.publishLoop(contracts, schema);
}

const result = await compare('publish to 1 subscriber, through a scope', [
  { name: 'no contracts (baseline)', run: await publishLoop(undefined) },
  { name: 'contract on the topic (valibot object)', run: await publishLoop('cart:updated') },
  { name: 'contract on the topic (pass-through schema)', run: await publishLoop('cart:updated', 'pass-through') },
  { name: 'contracts installed, none for this topic', run: await publishLoop('cart:cleared') },
]);
const [baseline] = result.rows;
console.log('\n| contender | ops/s | ratio vs baseline (min-max) |\n|---|---|---|');
for (const row of result.rows) {
  const { median, min, max } = paired(row, baseline);
  console.log(
    `| ${row.name} | ${Math.round(row.opsPerSec).toLocaleString('en')} | ${median.toFixed(2)}x (${min.toFixed(2)}-${max.toFixed(2)}) |`,
  );
}
