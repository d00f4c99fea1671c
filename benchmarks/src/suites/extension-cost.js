// What the protocol 1.1 extension point (observe, use, scopes) costs a bus that does not use it.
// `node src/fair/extension-cost.js [--quick] [--no-write]` writes benchmarks/EXTENSION-COST.md.
//
// The baseline is the current build with the extension point compiled out (every observer and plugin check
// replaced by a constant): the difference to the current build is exactly what the checks cost. Every
// contender loads its own copy of the module, so one contender's calls (an observer, a plugin) cannot
// change the JIT's feedback for another's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compare, QUICK, sink } from './paired.js';

const currentSource = readFileSync(fileURLToPath(import.meta.resolve('@mfe-bus/core')), 'utf8');
const previousSource = readFileSync(
  new URL('../../../packages/core/test/fixtures/core-0.1.0.js', import.meta.url),
  'utf8',
);
const compiledOut = currentSource
  .replaceAll(/if \((receiverApps && )?observers\.active\)/g, 'if (false)')
  .replaceAll('observers.active ? [] : void 0', 'void 0')
  .replaceAll('plugins.list.length !== 0', 'false')
  .replaceAll('plugins.list.length === 0', 'true');

/** A fresh module instance of `source`. */
async function load(source) {
  const dir = mkdtempSync(join(tmpdir(), 'mfe-bus-bench-'));
  writeFileSync(join(dir, 'index.js'), source);
  return import(pathToFileURL(join(dir, 'index.js')).href);
}

const handler = (payload) => {
  sink.value += payload.n;
};

// Each contender is its own function with its own loop.
async function publishOn(source, setup) {
  const bus = (await load(source)).createBus();
  bus.subscribe('t', handler);
  const target = setup?.(bus) ?? bus;
  return (n) => {
    for (let i = 0; i < n; i++) target.publish('t', { n: i });
  };
}
async function publishOnCompiledOut() {
  const bus = (await load(compiledOut)).createBus();
  bus.subscribe('t', handler);
  return (n) => {
    for (let i = 0; i < n; i++) bus.publish('t', { n: i });
  };
}
async function publishOnPrevious() {
  const bus = (await load(previousSource)).createBus();
  bus.subscribe('t', handler);
  return (n) => {
    for (let i = 0; i < n; i++) bus.publish('t', { n: i });
  };
}

async function setStateOn(source) {
  const bus = (await load(source)).createBus();
  bus.watchState('k', (value) => {
    sink.value += value.count;
  });
  return (n) => {
    for (let i = 0; i < n; i++) bus.setState('k', { count: i });
  };
}
async function setStateOnCompiledOut() {
  const bus = (await load(compiledOut)).createBus();
  bus.watchState('k', (value) => {
    sink.value += value.count;
  });
  return (n) => {
    for (let i = 0; i < n; i++) bus.setState('k', { count: i });
  };
}
async function setStateOnPrevious() {
  const bus = (await load(previousSource)).createBus();
  bus.watchState('k', (value) => {
    sink.value += value.count;
  });
  return (n) => {
    for (let i = 0; i < n; i++) bus.setState('k', { count: i });
  };
}

async function requestOn(source) {
  const bus = (await load(source)).createBus();
  bus.provide('user', ({ id }) => ({ id }), { ttlMs: 1e9 });
  return async (n) => {
    for (let i = 0; i < n; i++) sink.value += (await bus.request('user', { id: 1 })).id;
  };
}
async function requestOnCompiledOut() {
  const bus = (await load(compiledOut)).createBus();
  bus.provide('user', ({ id }) => ({ id }), { ttlMs: 1e9 });
  return async (n) => {
    for (let i = 0; i < n; i++) sink.value += (await bus.request('user', { id: 1 })).id;
  };
}

const results = [
  await compare('publish to 1 subscriber', [
    { name: 'extension compiled out (baseline)', run: await publishOnCompiledOut() },
    { name: 'current, nothing installed', run: await publishOn(currentSource) },
    { name: 'current, through a scope', run: await publishOn(currentSource, (bus) => bus.scope('cart')) },
    {
      name: 'current, one no-op plugin',
      run: await publishOn(currentSource, (bus) => void bus.use({ publish: (_topic, payload) => payload })),
    },
    { name: 'current, one observer', run: await publishOn(currentSource, (bus) => void bus.observe(() => {})) },
    { name: 'previous release (0.1.0)', run: await publishOnPrevious() },
  ]),
  await compare('setState with 1 watcher', [
    { name: 'extension compiled out (baseline)', run: await setStateOnCompiledOut() },
    { name: 'current, nothing installed', run: await setStateOn(currentSource) },
    { name: 'previous release (0.1.0)', run: await setStateOnPrevious() },
  ]),
  await compare('cached request round trip', [
    { name: 'extension compiled out (baseline)', run: await requestOnCompiledOut() },
    { name: 'current, nothing installed', run: await requestOn(currentSource) },
  ]),
];

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const lines = [
  '# What the extension point costs when unused',
  '',
  `Written by \`node src/fair/extension-cost.js\` on ${new Date().toISOString()}, commit ${commit}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}${QUICK ? ' (--quick: not for the record)' : ''}.`,
  '',
  'Baseline: the current build of @mfe-bus/core with the extension point compiled out (every observer and plugin check replaced by a constant), so "current, nothing installed" shows exactly what the checks cost a bus that uses neither observe nor use. The previous release (0.1.0, protocol 1.0) runs in the same process for reference; it also lacks the 1.1 fixes and the `meta` of state writes (`source`, `timestamp`: one clock read per write).',
  'Each contender loads its own copy of the module and has its own loop; time is process CPU time; rounds are interleaved with the order rotated; the ratio is the median of per-round paired ratios (contender ÷ baseline), with min-max.',
  '',
  '| operation | contender | ops/s | ratio vs baseline (min-max) |',
  '|---|---|---|---|',
  ...results.flatMap(({ title, rows }) =>
    rows.map(
      (row) =>
        `| ${title} | ${row.name} | ${Math.round(row.opsPerSec).toLocaleString('en')} | ${row.ratio.toFixed(2)}x (${row.min.toFixed(2)}-${row.max.toFixed(2)}) |`,
    ),
  ),
  '',
];
if (!process.argv.includes('--no-write')) {
  writeFileSync(new URL('../../EXTENSION-COST.md', import.meta.url), lines.join('\n'));
}
