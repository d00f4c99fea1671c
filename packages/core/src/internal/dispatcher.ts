import type { Source } from '../types';

export type ListenerKind = 'subscriber' | 'watcher';
export type ListenerErrorReporter = (error: unknown, kind: ListenerKind, name: string, source: Source) => void;

/**
 * One FIFO queue per bus for every notification (events, replays and state changes). A publish or
 * setState made from inside a listener is queued behind the notification being delivered, so every
 * listener sees the same order; a throwing listener is reported and the others still run.
 */
export interface Dispatcher {
  schedule<A, B>(deliver: (a: A, b: B) => void, a: A, b: B): void;
  /** Runs `deliver(a, b)` now: nested in the current delivery when one is under way, else as a delivery of its own. */
  now<A, B>(deliver: (a: A, b: B) => void, a: A, b: B): void;
  /** Calls a subscriber (of topic `name`) or watcher (of key `name`), reporting what it throws. */
  call<A, B, C>(
    listener: (a: A, b: B, c: C) => void,
    a: A,
    b: B,
    c: C,
    kind: ListenerKind,
    name: string,
    source: Source,
  ): void;
  /** Drops what is queued (the bus was destroyed). */
  clear(): void;
}

export function createDispatcher(report: ListenerErrorReporter): Dispatcher {
  // Triples of (deliver, a, b), flat, so that queuing allocates neither a closure nor an item object.
  const queue: unknown[] = [];
  let draining = false;

  function schedule<A, B>(deliver: (a: A, b: B) => void, a: A, b: B): void {
    if (draining) {
      queue.push(deliver, a, b);
      return;
    }
    draining = true;
    try {
      deliver(a, b);
      for (let i = 0; i < queue.length; i += 3) {
        (queue[i] as (a: unknown, b: unknown) => void)(queue[i + 1], queue[i + 2]);
      }
    } finally {
      // Truncating an array is a runtime call: skip it in the common case of nothing queued.
      if (queue.length !== 0) queue.length = 0;
      draining = false;
    }
  }

  return {
    schedule,
    now(deliver, a, b) {
      if (draining) deliver(a, b);
      else schedule(deliver, a, b);
    },
    call(listener, a, b, c, kind, name, source) {
      try {
        // Subscribers get (payload, meta), watchers (value, previous, meta): no stray third argument.
        if (kind === 'subscriber') (listener as (a: unknown, b: unknown) => void)(a, b);
        else listener(a, b, c);
      } catch (error) {
        report(error, kind, name, source);
      }
    },
    clear() {
      queue.length = 0;
    },
  };
}
