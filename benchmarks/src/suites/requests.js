import { createBus } from '@mfe-bus/core';
import { measure } from '../measure.js';

/**
 * No peer library does request/response, so the reference is the code an app would write by hand:
 * a Map of results keyed by JSON.stringify(params), and a Map of in-flight promises for de-duplication.
 */
function handRolled(provider, ttlMs) {
  const cache = new Map();
  const inFlight = new Map();
  return (params) => {
    const key = JSON.stringify(params);
    const hit = cache.get(key);
    if (hit && hit.expiresAt > Date.now()) return Promise.resolve(hit.value);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = Promise.resolve(provider(params)).then((value) => {
        inFlight.delete(key);
        if (ttlMs > 0) cache.set(key, { value, expiresAt: Date.now() + ttlMs });
        return value;
      });
      inFlight.set(key, pending);
    }
    return pending;
  };
}

const loadUser = ({ id }) => ({ id, name: `user ${id}` });

async function cachedTasks() {
  const batch = 100;
  const bus = createBus();
  bus.provide('user:get', loadUser, { ttlMs: 3_600_000 });
  await bus.request('user:get', { id: 1 });
  const request = handRolled(loadUser, 3_600_000);
  await request({ id: 1 });
  return [
    {
      lib: 'mfe-bus',
      batch,
      fn: async () => {
        for (let i = 0; i < batch; i++) await bus.request('user:get', { id: 1 });
      },
    },
    {
      lib: 'hand-rolled Map cache',
      batch,
      fn: async () => {
        for (let i = 0; i < batch; i++) await request({ id: 1 });
      },
    },
  ];
}

/** Each call: 100 identical requests at once, answered by a single (async) provider call. */
function concurrentTask(lib, variant, busOptions) {
  let providerCalls = 0;
  let rounds = 0;
  const provider = async ({ id }) => {
    providerCalls++;
    await null;
    return { id, name: `user ${id}` };
  };
  let request;
  if (lib === 'mfe-bus') {
    const bus = createBus(busOptions);
    bus.provide('user:load', provider);
    request = (params) => bus.request('user:load', params);
  } else {
    request = handRolled(provider, 0);
  }
  const task = {
    lib,
    variant,
    batch: 1,
    fn: async () => {
      const results = await Promise.all(Array.from({ length: 100 }, () => request({ id: 7 })));
      rounds++;
      if (results.length !== 100 || results[99].id !== 7) throw new Error('wrong results');
    },
    check: () => ({ rounds, providerCalls }),
  };
  return task;
}

export async function runRequests() {
  const rows = [];
  rows.push(...(await measure('cached request round trip', await cachedTasks())));
  const concurrent = [
    concurrentTask('mfe-bus'),
    concurrentTask('hand-rolled Map cache'),
    concurrentTask('mfe-bus', 'no timeout timers', { requestTimeoutMs: Number.POSITIVE_INFINITY }),
  ];
  const concurrentRows = await measure('100 concurrent identical requests', concurrent);
  concurrent.forEach((task, index) => {
    const { rounds, providerCalls } = task.check();
    concurrentRows[index].note = `${providerCalls} provider calls for ${rounds} rounds`;
    if (rounds !== providerCalls) throw new Error(`${task.lib}: ${providerCalls} provider calls for ${rounds} rounds`);
  });
  rows.push(...concurrentRows);
  return rows;
}
