// The primitives a publish and a setState are made of, timed alone (not-met.md cites them): process CPU time,
// 1,000,000 calls, median of 5 rounds. `pnpm --filter @mfe-bus/benchmarks primitives`.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import mitt from 'mitt';
import { atom } from 'nanostores';

const CALLS = 1_000_000;
const ROUNDS = 5;
let sink = 0;

function time(name, loop) {
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.cpuUsage();
    loop();
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

time('Date.now()', () => {
  for (let i = 0; i < CALLS; i++) sink += Date.now();
});
time('performance.now()', () => {
  for (let i = 0; i < CALLS; i++) sink += performance.now();
});
time('a fresh { n } (allocation only)', () => {
  for (let i = 0; i < CALLS; i++) sink += { n: i }.n;
});
time('Object.freeze of a fresh { n }', () => {
  for (let i = 0; i < CALLS; i++) sink += Object.freeze({ n: i }).n;
});
time("the core's deepFreeze of a fresh { n }", () => {
  for (let i = 0; i < CALLS; i++) sink += deepFreeze({ n: i }).n;
});
time('mitt: emit of a fresh { n } to 1 handler', () => {
  for (let i = 0; i < CALLS; i++) emitter.emit('t', { n: i });
});
time('nanostores: atom.set with 1 listener', () => {
  for (let i = 0; i < CALLS; i++) store.set(i);
});
if (sink === 0) throw new Error('nothing was measured');
