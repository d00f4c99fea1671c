import type { ErrorContext } from '../types';

export type ErrorReporter = (error: unknown, context: ErrorContext) => void;

/**
 * One FIFO queue per bus for every notification (events and state changes). A publish or setState made
 * from inside a handler is queued behind the notification being delivered, so every listener sees the
 * same order; a throwing listener is reported and the others still run.
 */
export interface Dispatcher {
  schedule(deliver: () => void): void;
  call<Args extends unknown[]>(listener: (...args: Args) => void, args: Args, context: ErrorContext): void;
}

export function createDispatcher(report: ErrorReporter): Dispatcher {
  const queue: (() => void)[] = [];
  let draining = false;

  return {
    schedule(deliver) {
      queue.push(deliver);
      if (draining) return;
      draining = true;
      try {
        for (let i = 0; i < queue.length; i++) (queue[i] as () => void)();
      } finally {
        queue.length = 0;
        draining = false;
      }
    },
    call(listener, args, context) {
      try {
        listener(...args);
      } catch (error) {
        report(error, context);
      }
    },
  };
}
