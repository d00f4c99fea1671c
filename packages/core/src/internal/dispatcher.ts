import type { Source } from '../types';

export type ListenerKind = 'subscriber' | 'watcher';
export type ListenerErrorReporter = (error: unknown, kind: ListenerKind, name: string, source: Source) => void;

/**
 * One FIFO queue per bus for every notification (events, replays and state changes). A publish or
 * setState made from inside a listener is queued behind the notification being delivered, so every
 * listener sees the same order; a throwing listener is reported and the others still run.
 */
export interface Dispatcher {
  schedule<T>(deliver: (item: T) => void, item: T): void;
  /** Runs `deliver(item)` now: nested in the current delivery when one is under way, else as a delivery of its own. */
  now<T>(deliver: (item: T) => void, item: T): void;
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
  // Pairs of (deliver, item), flat, so that queuing allocates no closure.
  const queue: unknown[] = [];
  let draining = false;

  function schedule<T>(deliver: (item: T) => void, item: T): void {
    if (draining) {
      queue.push(deliver, item);
      return;
    }
    draining = true;
    try {
      deliver(item);
      for (let i = 0; i < queue.length; i += 2) (queue[i] as (item: unknown) => void)(queue[i + 1]);
    } finally {
      // Truncating an array is a runtime call: skip it in the common case of nothing queued.
      if (queue.length !== 0) queue.length = 0;
      draining = false;
    }
  }

  return {
    schedule,
    now(deliver, item) {
      if (draining) deliver(item);
      else schedule(deliver, item);
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
