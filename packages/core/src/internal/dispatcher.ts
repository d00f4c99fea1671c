import type { ErrorContext } from '../types';

export type ErrorReporter = (error: unknown, context: ErrorContext) => void;

/**
 * One FIFO queue per bus for every notification (events and state changes). A publish or setState made
 * from inside a handler is queued behind the notification being delivered, so every listener sees the
 * same order; a throwing listener is reported and the others still run.
 */
export interface Dispatcher {
  schedule<T>(deliver: (item: T) => void, item: T): void;
  /** Calls a subscriber (of topic `name`) or watcher (of key `name`), reporting what it throws. */
  call<A, B>(listener: (a: A, b: B) => void, a: A, b: B, kind: 'subscriber' | 'watcher', name: string): void;
}

export function createDispatcher(report: ErrorReporter): Dispatcher {
  // Pairs of (deliver, item), flat, so that queuing allocates no closure.
  const queue: unknown[] = [];
  let draining = false;

  return {
    schedule(deliver, item) {
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
    },
    call(listener, a, b, kind, name) {
      try {
        listener(a, b);
      } catch (error) {
        // The context is built only when something threw: nothing is allocated per call.
        report(error, kind === 'subscriber' ? { kind, topic: name } : { kind, key: name });
      }
    },
  };
}
