// @podium/browser's MessageBus: channel + topic, page-wide (every MessageBus shares one EventEmitter and one
// log of the 10 latest events per topic, kept on the global object). Runs in Node as is (it falls back to `global`).
import { MessageBus } from '@podium/browser';
import { handlers, READ_KEYS, topicNames } from './common.js';

export { sink } from './common.js';

const read = (event) => event.payload.n;
const CHANNEL = 'cart';
const TOPIC = 'updated';

/** A MessageBus on a page of its own: the shared EventEmitter and log are created afresh. */
function createMessageBus() {
  delete globalThis['@podium'];
  return new MessageBus();
}

export function publish(subscribers) {
  const bus = createMessageBus();
  for (const handler of handlers(subscribers, read)) bus.subscribe(CHANNEL, TOPIC, handler);
  return (n) => {
    for (let i = 0; i < n; i++) bus.publish(CHANNEL, TOPIC, { n: i });
  };
}

export function mixed(topicCount, listeners) {
  const bus = createMessageBus();
  const topics = topicNames(topicCount);
  for (const topic of topics) for (const handler of handlers(listeners, read)) bus.subscribe(CHANNEL, topic, handler);
  return (n) => {
    for (let i = 0; i < n; i++) bus.publish(CHANNEL, topics[i % topicCount], { n: i });
  };
}

export function churn(others) {
  const bus = createMessageBus();
  for (const handler of handlers(others, read)) bus.subscribe(CHANNEL, TOPIC, handler);
  const [own] = handlers(1, read);
  return (n) => {
    for (let i = 0; i < n; i++) {
      bus.subscribe(CHANNEL, TOPIC, own);
      bus.unsubscribe(CHANNEL, TOPIC, own);
    }
  };
}

/** `peek(channel, topic)`: the latest event of a topic, its closest thing to a state read. */
export function readLatest() {
  const bus = createMessageBus();
  for (const topic of READ_KEYS) bus.publish(CHANNEL, topic, { n: 1 });
  let total = 0;
  return (n) => {
    for (let i = 0; i < n; i++) total += bus.peek(CHANNEL, READ_KEYS[i & 3]).payload.n;
    return total;
  };
}

/** Every topic on one channel. Podium has no cleanup object: what an app keeps is its own `() => unsubscribe(...)`. */
export const memory = {
  create: createMessageBus,
  subscribe: (bus, topic, handler) => {
    bus.subscribe(CHANNEL, topic, handler);
    return () => bus.unsubscribe(CHANNEL, topic, handler);
  },
  publish: (bus, topic, payload) => bus.publish(CHANNEL, topic, payload),
};
