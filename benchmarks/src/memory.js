// Memory, in a child process run with --expose-gc (a heap of its own); sends its rows to src/run.js.
// Heap readings are `heapUsed` after two full GCs. Handlers, topic names and the array that keeps what
// `subscribe` returns exist before the first reading, so only what the library allocates is counted.
import { freshInstance } from './harness/instance.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const QUICK = process.argv.includes('--quick');
const SUBSCRIPTIONS = QUICK ? 20_000 : 100_000;
// Unsubscribing n listeners of one topic is O(n^2) in the emitters that filter or splice an array per
// unsubscribe (nanoevents: 100,000 would take minutes); a tenth is as exact per subscription.
const UNSUBSCRIBED = SUBSCRIPTIONS / 10;
const PUBLISHES = QUICK ? 200_000 : 1_000_000;

/** [name, contender module]: each module exports `memory` (create, subscribe, publish). */
const LIBRARIES = [
  ['mfe-bus', 'mfe-bus'],
  ['mitt', 'mitt'],
  ['nanoevents', 'nanoevents'],
  ['eventemitter3', 'eventemitter3'],
  ['@trutoo/event-bus', 'trutoo-event-bus'],
  ['@podium/browser MessageBus', 'podium-browser'],
];

function heapUsed() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Bytes per subscription still on the heap: right after subscribing, or (`unsubscribe`) after every
 * subscription was undone while the app still holds what subscribe returned.
 */
function bytesPerSubscription(memory, { ownTopic = false, unsubscribe = false } = {}) {
  const count = unsubscribe ? UNSUBSCRIBED : SUBSCRIPTIONS;
  const handlers = Array.from({ length: count }, (_, i) => () => i);
  const topics = Array.from({ length: count }, (_, i) => (ownTopic ? `bench:topic-${i}` : 'bench:topic'));
  const held = Array.from({ length: count }, () => null);
  const target = memory.create();
  const before = heapUsed();
  for (let i = 0; i < count; i++) held[i] = memory.subscribe(target, topics[i], handlers[i]);
  // What subscribe returned is a function, or @trutoo/event-bus's `{ unsubscribe }`.
  if (unsubscribe) for (const undo of held) undo.unsubscribe ? undo.unsubscribe() : undo();
  const after = heapUsed();
  // Everything stays reachable until after the second reading.
  if (held.length !== handlers.length || topics.length !== held.length || !target) throw new Error('unreachable');
  return Math.round((after - before) / count);
}

/** Heap growth while publishing to a topic nobody listens to, at four checkpoints, after 20,000 warm-up publishes. */
function heapWhilePublishing(memory, options) {
  const target = memory.create(options);
  for (let i = 0; i < 20_000; i++) memory.publish(target, 'bench:nobody', { n: i });
  const baseline = heapUsed();
  const samples = [];
  for (let done = 0; done < PUBLISHES; ) {
    for (let i = 0; i < PUBLISHES / 4; i++, done++) memory.publish(target, 'bench:nobody', { n: done });
    samples.push({ publishes: done, bytes: heapUsed() - baseline });
  }
  return samples;
}

const rows = { perSubscription: [], publishNoSubscriber: [] };
for (const [name, module] of LIBRARIES) {
  const { memory } = await freshInstance(module);
  const row = {
    name,
    oneTopic: bytesPerSubscription(memory),
    ownTopic: bytesPerSubscription(memory, { ownTopic: true }),
    heldAfterUnsubscribe: bytesPerSubscription(memory, { unsubscribe: true }),
  };
  rows.perSubscription.push(row);
  rows.publishNoSubscriber.push({ name, samples: heapWhilePublishing(memory) });
  if (name === 'mfe-bus') {
    rows.publishNoSubscriber.push({
      name: 'mfe-bus, replayWindowMs: 0',
      samples: heapWhilePublishing(memory, { replayWindowMs: 0 }),
    });
  }
  console.log(
    `  memory ${name.padEnd(28)} ${row.oneTopic} B/subscription (one topic), ${row.ownTopic} B (own topic), ` +
      `${row.heldAfterUnsubscribe} B held after unsubscribe; heap ${rows.publishNoSubscriber.at(-1).samples.at(-1).bytes} B after ${PUBLISHES} publishes`,
  );
}
if (process.send) process.send(rows, () => process.disconnect());
