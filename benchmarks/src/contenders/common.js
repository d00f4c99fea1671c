// Bundled into every contender instance (each instance has its own copy).

/** What every handler adds to, so the JIT cannot drop the work; `calls` lets a suite check the handlers ran. */
export const sink = { value: 0, calls: 0 };

/** `count` distinct handlers (as N subscribers in an app are N functions), each reading its argument with `read`. */
export function handlers(count, read) {
  return Array.from({ length: count }, () => (arg) => {
    sink.calls++;
    sink.value += read(arg);
  });
}

/** The topic every single-topic operation uses. */
export const TOPIC = 'cart:updated';

/** `count` topic names for the round-robin workload. */
export const topicNames = (count) => Array.from({ length: count }, (_, i) => `cart:topic-${i}`);

/** State reads rotate over these keys, so the JIT cannot hoist a read out of the loop. */
export const READ_KEYS = ['cart:0', 'cart:1', 'cart:2', 'cart:3'];

/** A plain object with `keys` keys: a large shared slice of state (a catalogue, a price list). */
export const largeRecord = (keys) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));
