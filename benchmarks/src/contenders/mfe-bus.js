import { createBus } from '@mfe-bus/core';
import { handlers, largeRecord, READ_KEYS, TOPIC, topicNames } from './common.js';

export { sink } from './common.js';

const read = (payload) => payload.n;
const readCount = (value) => value.count;

/** What a bus is published through: itself, or the same bus with one unused extension in place. */
const through = {
  bus: (bus) => bus,
  scope: (bus) => bus.scope('cart'),
  plugin: (bus) => {
    bus.use({ publish: (_topic, payload) => payload });
    return bus;
  },
  observer: (bus) => {
    bus.observe(() => {});
    return bus;
  },
};

/**
 * @param {number} subscribers
 * @param {{ options?: object, publishOptions?: object, pattern?: string, via?: keyof through }} [variant]
 *   `options` for createBus, `publishOptions` for every publish, `pattern`: one more subscriber, to a pattern
 *   that does not match the topic; `via`: what the publishes go through
 */
export function publish(subscribers, { options, publishOptions, pattern, via = 'bus' } = {}) {
  const bus = createBus(options);
  for (const handler of handlers(subscribers, read)) bus.subscribe(TOPIC, handler);
  if (pattern) bus.subscribe(pattern, () => {});
  const target = through[via](bus);
  return (n) => {
    for (let i = 0; i < n; i++) target.publish(TOPIC, { n: i }, publishOptions);
  };
}

export function mixed(topicCount, listeners) {
  const bus = createBus();
  const topics = topicNames(topicCount);
  for (const topic of topics) for (const handler of handlers(listeners, read)) bus.subscribe(topic, handler);
  return (n) => {
    for (let i = 0; i < n; i++) bus.publish(topics[i % topicCount], { n: i });
  };
}

export function churn(others) {
  const bus = createBus();
  for (const handler of handlers(others, read)) bus.subscribe(TOPIC, handler);
  const [own] = handlers(1, read);
  return (n) => {
    for (let i = 0; i < n; i++) bus.subscribe(TOPIC, own)();
  };
}

/**
 * Subscribe + unsubscribe of a `t:*` pattern subscriber on a bus holding one buffered event on each of
 * `otherTopics` topics in 100 other domains, and one on each of 10 `t:` topics (replayed to it: 10 calls).
 * The replay window is an hour, so nothing expires during the measurement.
 */
export function latePatternSubscriber(otherTopics) {
  const bus = createBus({ replayWindowMs: 3_600_000 });
  for (let i = 0; i < otherTopics; i++) bus.publish(`d${i % 100}:topic-${i}`, { n: i });
  for (let i = 0; i < 10; i++) bus.publish(`t:topic-${i}`, { n: i });
  const [handler] = handlers(1, read);
  return (n) => {
    for (let i = 0; i < n; i++) bus.subscribe('t:*', handler)();
  };
}

export function setState(watchers) {
  const bus = createBus();
  for (const listener of handlers(watchers, readCount)) bus.watchState('cart', listener);
  return (n) => {
    for (let i = 0; i < n; i++) bus.setState('cart', { count: i });
  };
}

export function getState() {
  const bus = createBus();
  for (const key of READ_KEYS) bus.setState(key, { count: 1 });
  let total = 0;
  return (n) => {
    for (let i = 0; i < n; i++) total += bus.getState(READ_KEYS[i & 3]).count;
    return total;
  };
}

/** An immutable update that changes `count` and shares a `keys`-key record the first write froze. */
export function setStateSharingLarge(keys) {
  const bus = createBus();
  const [watcher] = handlers(1, readCount);
  bus.watchState('catalogue', watcher);
  bus.setState('catalogue', { items: largeRecord(keys), count: 0 });
  return (n) => {
    for (let i = 0; i < n; i++) bus.setState('catalogue', (previous) => ({ items: previous.items, count: i }));
  };
}

export async function cachedRequest() {
  const bus = createBus();
  bus.provide('user:get', ({ id }) => ({ id }), { ttlMs: 3_600_000 });
  await bus.request('user:get', { id: 1 });
  let total = 0;
  return async (n) => {
    for (let i = 0; i < n; i++) total += (await bus.request('user:get', { id: 1 })).id;
    return total;
  };
}

/** The same with params of two properties, which the core's index of one-property params leaves to the params key. */
export async function cachedRequestTwoParams() {
  const bus = createBus();
  bus.provide('user:get', ({ id }) => ({ id }), { ttlMs: 3_600_000 });
  await bus.request('user:get', { id: 1, region: 'eu' });
  let total = 0;
  return async (n) => {
    for (let i = 0; i < n; i++) total += (await bus.request('user:get', { id: 1, region: 'eu' })).id;
    return total;
  };
}

export const memory = {
  create: (options) => createBus(options),
  subscribe: (bus, topic, handler) => bus.subscribe(topic, handler),
  publish: (bus, topic, payload) => bus.publish(topic, payload),
};
