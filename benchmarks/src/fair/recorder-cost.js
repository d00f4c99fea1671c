// What attaching a devtools recorder (`record(bus)` of @mfe-bus/devtools) costs a publish.
// `node src/fair/recorder-cost.js [--quick] [--no-write]` (after `pnpm turbo run build`) writes
// benchmarks/RECORDER-COST.md.
//
// Baseline: a bus nobody observes. Beside it: one no-op observer (what building the observe records costs the
// core), a recorder without redaction, and a recorder as shipped (default redaction). Every contender loads its
// own copy of the core and of the recorder, so one contender's calls cannot change the JIT feedback of another's.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compare, paired, QUICK } from '../harness/paired.js';

const coreBuild = fileURLToPath(import.meta.resolve('@mfe-bus/core')); // one module, no imports
const devtoolsBuild = fileURLToPath(new URL('../../../packages/devtools/dist/', import.meta.url));
const copies = mkdtempSync(join(tmpdir(), 'mfe-bus-recorder-cost-'));
process.on('exit', () => rmSync(copies, { recursive: true, force: true }));

let copyCount = 0;
/** A fresh module instance of a build (its folder is copied, so its chunks are fresh too). */
function freshCopy(folder, file) {
  const target = join(copies, String(++copyCount));
  cpSync(folder, target, { recursive: true });
  return import(pathToFileURL(join(target, file)).href);
}
const freshCore = () => freshCopy(dirname(coreBuild), 'index.js');
const freshDevtools = () => freshCopy(devtoolsBuild, 'index.js');

/** Keeps the work observable so the JIT cannot drop it. */
const sink = { value: 0 };

// Each contender is its own function with its own loop. The payload is shaped like the demo's cart:updated.
async function publishOn(attach) {
  const bus = (await freshCore()).createBus();
  bus.subscribe('cart:updated', (payload) => {
    sink.value += payload.count;
  });
  await attach(bus);
  const cart = bus.scope('cart');
  return (n) => {
    for (let i = 0; i < n; i++) cart.publish('cart:updated', { count: i, items: ['book', 'pen'], by: 'react' });
  };
}

const result = await compare('publish to 1 subscriber', [
  { name: 'nothing attached (baseline)', run: await publishOn(() => {}) },
  { name: 'one no-op observer', run: await publishOn((bus) => bus.observe(() => {})) },
  {
    name: 'record(bus), no redaction',
    run: await publishOn(async (bus) => (await freshDevtools()).record(bus, { redact: (entry) => entry })),
  },
  { name: 'record(bus), default redaction', run: await publishOn(async (bus) => (await freshDevtools()).record(bus)) },
]);
const [baseline] = result.rows;

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const lines = [
  '# What a devtools recorder costs a publish',
  '',
  `Written by \`node src/fair/recorder-cost.js\` on ${new Date().toISOString()}, commit ${commit}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}${QUICK ? ' (--quick: not for the record)' : ''}.`,
  '',
  'Publish of a `{ count, items: [2 strings], by }` payload through a scope to 1 subscriber. Baseline: nobody observes the bus. "one no-op observer" is what building the JSON-able observe records costs the core; the recorder adds its timeline entry (ring buffer of 1000) and, by default, the redaction walk over the payload. Each contender loads its own copy of the builds and has its own loop; time is process CPU time; rounds are interleaved with the order rotated; the ratio is the median of per-round paired ratios (contender ÷ baseline), with min-max.',
  '',
  '| contender | ops/s | ratio vs baseline (min-max) |',
  '|---|---|---|',
  ...result.rows.map((row) => {
    const { median, min, max } = paired(row, baseline);
    return `| ${row.name} | ${Math.round(row.opsPerSec).toLocaleString('en')} | ${median.toFixed(2)}x (${min.toFixed(2)}-${max.toFixed(2)}) |`;
  }),
  '',
];
if (!process.argv.includes('--no-write'))
  writeFileSync(new URL('../../RECORDER-COST.md', import.meta.url), lines.join('\n'));
console.log(lines.slice(6).join('\n'));
