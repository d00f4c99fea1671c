// Run as a child process with --expose-gc (a fresh heap, apart from the timing benchmarks); prints JSON.
import { createBus } from '@mfe-bus/core';
import EventEmitter from 'eventemitter3';
import mitt from 'mitt';
import { createNanoEvents } from 'nanoevents';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const QUICK = process.argv.includes('--quick');

function heapUsed() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** `subscribe(target, topic, handler)` returns what the app would keep to undo the subscription. */
const libraries = {
  'mfe-bus': { create: () => createBus(), subscribe: (bus, topic, h) => bus.subscribe(topic, h) },
  mitt: {
    create: () => mitt(),
    subscribe: (emitter, topic, h) => {
      emitter.on(topic, h);
      return () => emitter.off(topic, h);
    },
  },
  nanoevents: { create: () => createNanoEvents(), subscribe: (emitter, topic, h) => emitter.on(topic, h) },
  eventemitter3: {
    create: () => new EventEmitter(),
    subscribe: (emitter, topic, h) => {
      emitter.on(topic, h);
      return () => emitter.off(topic, h);
    },
  },
};

/** Heap growth per subscription; handlers, topic names and the array keeping the undos exist beforehand. */
function bytesPerSubscription(lib, distinctTopics) {
  const count = QUICK ? 20_000 : 100_000;
  const handlers = Array.from({ length: count }, (_, i) => () => i);
  const topics = Array.from({ length: count }, (_, i) => (distinctTopics ? `bench:topic-${i}` : 'bench:topic'));
  const keep = Array.from({ length: count }, () => null);
  const { create, subscribe } = libraries[lib];
  const target = create();
  const before = heapUsed();
  for (let i = 0; i < count; i++) keep[i] = subscribe(target, topics[i], handlers[i]);
  const after = heapUsed();
  // Keep everything reachable until after the measurement.
  if (keep.length !== count || !target || handlers.length !== topics.length) throw new Error('unreachable');
  return Math.round((after - before) / count);
}

/** Heap (after GC) while publishing 1,000,000 events to a topic nobody listens to. */
function heapWhilePublishing(lib) {
  const total = QUICK ? 200_000 : 1_000_000;
  const checkpoints = 4;
  const { create } = libraries[lib];
  const target = create();
  const emit = lib === 'mfe-bus' ? (p) => target.publish('bench:nobody', p) : (p) => target.emit('bench:nobody', p);
  // Warm up first (JIT code, inline caches, a full replay ring): the baseline is the heap after 20,000 publishes.
  for (let i = 0; i < 20_000; i++) emit({ n: i, label: 'event' });
  const baseline = heapUsed();
  const samples = [];
  const started = performance.now();
  for (let done = 0; done < total; ) {
    for (let i = 0; i < total / checkpoints; i++, done++) emit({ n: done, label: 'event' });
    samples.push({ publishes: done, heapDeltaBytes: heapUsed() - baseline });
  }
  return { lib, total, ms: performance.now() - started, samples };
}

const result = {
  perSubscription: Object.keys(libraries).map((lib) => ({
    lib,
    sameTopic: bytesPerSubscription(lib, false),
    distinctTopics: bytesPerSubscription(lib, true),
  })),
  publishNoSubscribers: Object.keys(libraries).map(heapWhilePublishing),
};
process.stdout.write(JSON.stringify(result));
