import EventEmitter from 'eventemitter3';
import { handlers, TOPIC, topicNames } from './common.js';

export { sink } from './common.js';

const read = (payload) => payload.n;

export function publish(subscribers) {
  const emitter = new EventEmitter();
  for (const handler of handlers(subscribers, read)) emitter.on(TOPIC, handler);
  return (n) => {
    for (let i = 0; i < n; i++) emitter.emit(TOPIC, { n: i });
  };
}

export function mixed(topicCount, listeners) {
  const emitter = new EventEmitter();
  const topics = topicNames(topicCount);
  for (const topic of topics) for (const handler of handlers(listeners, read)) emitter.on(topic, handler);
  return (n) => {
    for (let i = 0; i < n; i++) emitter.emit(topics[i % topicCount], { n: i });
  };
}

export function churn(others) {
  const emitter = new EventEmitter();
  for (const handler of handlers(others, read)) emitter.on(TOPIC, handler);
  const [own] = handlers(1, read);
  return (n) => {
    for (let i = 0; i < n; i++) {
      emitter.on(TOPIC, own);
      emitter.off(TOPIC, own);
    }
  };
}

/** eventemitter3 has no cleanup object: what an app keeps is its own `() => off(...)`. */
export const memory = {
  create: () => new EventEmitter(),
  subscribe: (emitter, topic, handler) => {
    emitter.on(topic, handler);
    return () => emitter.off(topic, handler);
  },
  publish: (emitter, topic, payload) => emitter.emit(topic, payload),
};
