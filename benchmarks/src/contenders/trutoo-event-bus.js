// @trutoo/event-bus: channels with the last payload kept for late subscribers (`subscribe(channel, true, cb)`),
// optional JSON Schema validation per channel (not used here: none of the other libraries validate).
import { EventBus } from '@trutoo/event-bus';
import { handlers, READ_KEYS, TOPIC, topicNames } from './common.js';

export { sink } from './common.js';

const read = (event) => event.payload.n;

export function publish(subscribers) {
  const bus = new EventBus();
  for (const handler of handlers(subscribers, read)) bus.subscribe(TOPIC, handler);
  return (n) => {
    for (let i = 0; i < n; i++) bus.publish(TOPIC, { n: i });
  };
}

export function mixed(topicCount, listeners) {
  const bus = new EventBus();
  const topics = topicNames(topicCount);
  for (const topic of topics) for (const handler of handlers(listeners, read)) bus.subscribe(topic, handler);
  return (n) => {
    for (let i = 0; i < n; i++) bus.publish(topics[i % topicCount], { n: i });
  };
}

export function churn(others) {
  const bus = new EventBus();
  for (const handler of handlers(others, read)) bus.subscribe(TOPIC, handler);
  const [own] = handlers(1, read);
  return (n) => {
    for (let i = 0; i < n; i++) bus.subscribe(TOPIC, own).unsubscribe();
  };
}

/** `getLatest(channel)`: the last payload published on a channel, its closest thing to a state read. */
export function readLatest() {
  const bus = new EventBus();
  for (const channel of READ_KEYS) bus.publish(channel, { n: 1 });
  let total = 0;
  return (n) => {
    for (let i = 0; i < n; i++) total += bus.getLatest(READ_KEYS[i & 3]).n;
    return total;
  };
}

export const memory = {
  create: () => new EventBus(),
  subscribe: (bus, topic, handler) => bus.subscribe(topic, handler),
  publish: (bus, topic, payload) => bus.publish(topic, payload),
};
