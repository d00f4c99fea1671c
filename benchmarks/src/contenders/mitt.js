import mitt from 'mitt';
import { handlers, TOPIC, topicNames } from './common.js';

export { sink } from './common.js';

const read = (payload) => payload.n;

export function publish(subscribers) {
  const emitter = mitt();
  for (const handler of handlers(subscribers, read)) emitter.on(TOPIC, handler);
  return (n) => {
    for (let i = 0; i < n; i++) emitter.emit(TOPIC, { n: i });
  };
}

export function mixed(topicCount, listeners) {
  const emitter = mitt();
  const topics = topicNames(topicCount);
  for (const topic of topics) for (const handler of handlers(listeners, read)) emitter.on(topic, handler);
  return (n) => {
    for (let i = 0; i < n; i++) emitter.emit(topics[i % topicCount], { n: i });
  };
}

export function churn(others) {
  const emitter = mitt();
  for (const handler of handlers(others, read)) emitter.on(TOPIC, handler);
  const [own] = handlers(1, read);
  return (n) => {
    for (let i = 0; i < n; i++) {
      emitter.on(TOPIC, own);
      emitter.off(TOPIC, own);
    }
  };
}

/** For the memory suite; mitt has no cleanup object: what an app keeps is its own `() => off(...)`. */
export const memory = {
  create: () => mitt(),
  subscribe: (emitter, topic, handler) => {
    emitter.on(topic, handler);
    return () => emitter.off(topic, handler);
  },
  publish: (emitter, topic, payload) => emitter.emit(topic, payload),
};
