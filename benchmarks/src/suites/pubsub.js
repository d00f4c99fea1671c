import { createBus } from '@mfe-bus/core';
import EventEmitter from 'eventemitter3';
import mitt from 'mitt';
import { createNanoEvents } from 'nanoevents';
import { makeHandlers, measure } from '../measure.js';

const TOPIC = 'cart:updated';

/** One emitter per library, with the same API shape: `on(handler)` returns an undo, `emit(payload)`. */
const libraries = {
  'mfe-bus': (options) => {
    const bus = createBus(options);
    return { on: (h) => bus.subscribe(TOPIC, h), emit: (p) => bus.publish(TOPIC, p) };
  },
  mitt: () => {
    const emitter = mitt();
    return {
      on: (h) => {
        emitter.on(TOPIC, h);
        return () => emitter.off(TOPIC, h);
      },
      emit: (p) => emitter.emit(TOPIC, p),
    };
  },
  nanoevents: () => {
    const emitter = createNanoEvents();
    return { on: (h) => emitter.on(TOPIC, h), emit: (p) => emitter.emit(TOPIC, p) };
  },
  eventemitter3: () => {
    const emitter = new EventEmitter();
    return {
      on: (h) => {
        emitter.on(TOPIC, h);
        return () => emitter.off(TOPIC, h);
      },
      emit: (p) => emitter.emit(TOPIC, p),
    };
  },
};

function publishTask(lib, subscribers, variant, options) {
  const batch = subscribers >= 1000 ? 10 : subscribers >= 10 ? 200 : 1000;
  const { on, emit } = libraries[lib](options);
  for (const handler of makeHandlers(subscribers)) on(handler);
  // Every library gets a fresh payload object per publish (as apps do), except in the variant that shows
  // what mfe-bus's deep freeze costs: an already frozen payload is not walked again.
  const frozen = Object.freeze({ n: 1 });
  let n = 0;
  const fn =
    variant === 'same frozen payload'
      ? () => {
          for (let i = 0; i < batch; i++) emit(frozen);
        }
      : () => {
          for (let i = 0; i < batch; i++) emit({ n: n++ });
        };
  return { lib, variant, batch, fn };
}

function churnTask(lib) {
  const batch = 1000;
  const target = libraries[lib]();
  const [handler] = makeHandlers(1);
  return {
    lib,
    batch,
    fn: () => {
      for (let i = 0; i < batch; i++) target.on(handler)();
    },
  };
}

const PEERS = ['mitt', 'nanoevents', 'eventemitter3'];

export async function runPubSub() {
  const rows = [];
  for (const subscribers of [1, 10, 1000]) {
    const title = `publish to ${subscribers.toLocaleString('en-US')} subscriber${subscribers > 1 ? 's' : ''}`;
    rows.push(
      ...(await measure(title, [
        publishTask('mfe-bus', subscribers),
        ...PEERS.map((lib) => publishTask(lib, subscribers)),
        publishTask('mfe-bus', subscribers, 'replay off', { replayWindowMs: 0 }),
        publishTask('mfe-bus', subscribers, 'same frozen payload'),
      ])),
    );
  }
  rows.push(...(await measure('subscribe + unsubscribe', [churnTask('mfe-bus'), ...PEERS.map(churnTask)])));
  return rows;
}
