// The memory measures, for any JavaScript heap: `heapUsed()` returns the bytes in use after full GCs (Node's
// `process.memoryUsage()`, Chromium's `performance.memory`). Handlers, topic names and the array that keeps
// what `subscribe` returns exist before the first reading, so only what the library allocates is counted.

/** [name, contender module]: each module exports `memory` (create, subscribe, publish). */
export const LIBRARIES = [
  ['mfe-bus', 'mfe-bus'],
  ['mitt', 'mitt'],
  ['nanoevents', 'nanoevents'],
  ['eventemitter3', 'eventemitter3'],
  ['@trutoo/event-bus', 'trutoo-event-bus'],
  ['@podium/browser MessageBus', 'podium-browser'],
];

export const counts = (quick) => ({
  subscriptions: quick ? 20_000 : 100_000,
  // Unsubscribing n listeners of one topic is O(n^2) in the emitters that filter or splice an array per
  // unsubscribe (nanoevents: 100,000 would take minutes); a tenth is as exact per subscription.
  unsubscribed: quick ? 2_000 : 10_000,
  publishes: quick ? 200_000 : 1_000_000,
});

/**
 * Bytes per subscription still on the heap: right after subscribing, or (`unsubscribe`) after every
 * subscription was undone while the app still holds what subscribe returned.
 */
export function bytesPerSubscription(memory, heapUsed, count, { ownTopic = false, unsubscribe = false } = {}) {
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

/** The three per-subscription figures: how many subscriptions each takes, and how. */
const MEASURES = {
  oneTopic: (quick) => [counts(quick).subscriptions, {}],
  ownTopic: (quick) => [counts(quick).subscriptions, { ownTopic: true }],
  heldAfterUnsubscribe: (quick) => [counts(quick).unsubscribed, { unsubscribe: true }],
};
export const MEASURE_NAMES = Object.keys(MEASURES);

/** One figure of `MEASURES` (`field`) for a library. */
export function measureField(field, memory, heapUsed, quick) {
  const [count, options] = MEASURES[field](quick);
  return bytesPerSubscription(memory, heapUsed, count, options);
}

/** The three per-subscription figures of one library, measured one after the other on one heap. */
export function subscriptionRow(name, memory, heapUsed, quick) {
  const row = { name };
  for (const field of MEASURE_NAMES) row[field] = measureField(field, memory, heapUsed, quick);
  return row;
}

/** Heap growth while publishing to a topic nobody listens to, at four checkpoints, after 20,000 warm-up publishes. */
export function heapWhilePublishing(memory, heapUsed, publishes, options) {
  const target = memory.create(options);
  for (let i = 0; i < 20_000; i++) memory.publish(target, 'bench:nobody', { n: i });
  const baseline = heapUsed();
  const samples = [];
  for (let done = 0; done < publishes; ) {
    for (let i = 0; i < publishes / 4; i++, done++) memory.publish(target, 'bench:nobody', { n: done });
    samples.push({ publishes: done, bytes: heapUsed() - baseline });
  }
  return samples;
}
