// The primitives a publish, a setState and a cached request are made of, timed alone (not-met.md cites them):
// process CPU time, 1,000,000 calls, median of 5 rounds. `pnpm --filter @mfe-bus/benchmarks primitives`.
import { fileURLToPath } from 'node:url';
import { createBus, stableKey } from '@mfe-bus/core';
import { build } from 'esbuild';
import mitt from 'mitt';
import { atom } from 'nanostores';

const CALLS = 1_000_000;
const ROUNDS = 5;
let sink = 0;

async function time(name, loop) {
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.cpuUsage();
    await loop();
    const { user, system } = process.cpuUsage(started);
    rounds.push(((user + system) * 1000) / CALLS);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${name.padEnd(60)} ${rounds[ROUNDS >> 1].toFixed(1)} ns`);
}

/** The core's own deep freeze, from its source (it is internal: not exported by the package). */
async function coreDeepFreeze() {
  const entry = fileURLToPath(new URL('../../packages/core/src/internal/deep-freeze.ts', import.meta.url));
  const { outputFiles } = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false });
  const url = `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`;
  return (await import(url)).deepFreeze;
}

const deepFreeze = await coreDeepFreeze();
const emitter = mitt();
emitter.on('t', (payload) => {
  sink += payload.n;
});
const store = atom(0);
store.listen((value) => {
  sink += value;
});

await time('Date.now()', () => {
  for (let i = 0; i < CALLS; i++) sink += Date.now();
});
await time('performance.now()', () => {
  for (let i = 0; i < CALLS; i++) sink += performance.now();
});
await time('a fresh { n } (allocation only)', () => {
  for (let i = 0; i < CALLS; i++) sink += { n: i }.n;
});
await time('Object.freeze of a fresh { n }', () => {
  for (let i = 0; i < CALLS; i++) sink += Object.freeze({ n: i }).n;
});
await time("the core's deepFreeze of a fresh { n }", () => {
  for (let i = 0; i < CALLS; i++) sink += deepFreeze({ n: i }).n;
});
await time('mitt: emit of a fresh { n } to 1 handler', () => {
  for (let i = 0; i < CALLS; i++) emitter.emit('t', { n: i });
});
await time('nanostores: atom.set with 1 listener', () => {
  for (let i = 0; i < CALLS; i++) store.set(i);
});
const resolved = Promise.resolve({ n: 1 });
await time('a bare await of a resolved promise', async () => {
  for (let i = 0; i < CALLS; i++) sink += (await resolved).n;
});
await time('stableKey of a fresh { id } (the params key of a request)', () => {
  for (let i = 0; i < CALLS; i++) sink += stableKey({ id: 1 }).length;
});
const cache = new Map([['{"id":1}', { n: 1 }]]);
const one = 1;
await time('Map hit by a key built per call, as a params key is', () => {
  for (let i = 0; i < CALLS; i++) sink += cache.get(`{"id":${one}}`).n;
});
const bus = createBus();
bus.provide('user:get', ({ id }) => ({ n: id }), { ttlMs: 3_600_000 });
await bus.request('user:get', { id: 1 });
await time('mfe-bus: await of a cached request, whole operation', async () => {
  for (let i = 0; i < CALLS; i++) sink += (await bus.request('user:get', { id: 1 })).n;
});
if (sink === 0) throw new Error('nothing was measured');
