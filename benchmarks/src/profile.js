// Profiling aid: `node --cpu-prof --cpu-prof-dir=profiles src/profile.js <op>` runs one mfe-bus operation hot
// for a few seconds; `node src/profile-summary.js profiles/<file>.cpuprofile` lists the functions by self time.
import { createBus } from '@mfe-bus/core';

const ops = {
  publish: () => {
    const bus = createBus();
    bus.subscribe('cart:updated', (p) => p.n);
    let n = 0;
    return () => bus.publish('cart:updated', { n: n++ });
  },
  churn: () => {
    const bus = createBus();
    const handler = () => {};
    return () => bus.subscribe('cart:updated', handler)();
  },
  setState: () => {
    const bus = createBus();
    bus.watchState('cart', (v) => v.count);
    let n = 0;
    return () => bus.setState('cart', { count: n++ });
  },
  getState: () => {
    const bus = createBus();
    bus.setState('cart', { count: 1 });
    return () => bus.getState('cart');
  },
  request: () => {
    const bus = createBus();
    bus.provide('user:get', ({ id }) => ({ id }), { ttlMs: 3_600_000 });
    return () => bus.request('user:get', { id: 1 });
  },
  concurrent: () => {
    const bus = createBus();
    bus.provide('user:load', async ({ id }) => ({ id }));
    return () => Promise.all(Array.from({ length: 100 }, () => bus.request('user:load', { id: 7 })));
  },
};

const name = process.argv[2] ?? 'publish';
const op = ops[name]();
const until = performance.now() + 3000;
let count = 0;
while (performance.now() < until) {
  for (let i = 0; i < 1000; i++) {
    const result = op();
    if (result instanceof Promise) await result;
  }
  count += 1000;
}
console.log(`${name}: ${count} calls`);
