import type { Bus, Source } from '@mfe-bus/core';
import type { Drop } from './bridge-plugin';
import { postCloning } from './cloneable';
import type { ErrorShape, Message } from './envelope';
import { scopeFor } from './scope-for';

export interface RequestServerOptions {
  bus: Bus;
  /** The keys this side offers. */
  keys: readonly string[];
  send(message: Message): void;
  drop: Drop;
}

const shapeOf = (error: unknown): ErrorShape => {
  const { name = 'Error', message = error, code } = Object(error) as Partial<Record<string, unknown>>;
  return [String(name), String(message), typeof code === 'string' ? code : null];
};

/**
 * Serves the other side's requests for the keys this side offers, through this bus (as the requester's app),
 * with no timeout of its own: the requesting side's timeout governs, and its `abort` crosses.
 */
export function createRequestServer({ bus, keys, send, drop }: RequestServerOptions) {
  const served = new Map<number, AbortController>();

  return {
    serve(id: number, key: string, params: unknown, source: Source) {
      if (!keys.includes(key)) {
        drop('not-shared', key, { source, once: true });
        return send(['response', id, undefined, ['BridgeError', `"${key}" is not offered here`, 'NOT_SHARED']]);
      }
      const controller = new AbortController();
      served.get(id)?.abort();
      served.set(id, controller);
      const answer = (value: unknown, error: ErrorShape | null) => {
        if (served.get(id) !== controller) return;
        served.delete(id);
        try {
          postCloning(() => send(['response', id, value, error]), key);
        } catch (notCloneable) {
          drop('refused', key, { error: notCloneable });
          send(['response', id, undefined, shapeOf(notCloneable)]);
        }
      };
      Promise.resolve()
        .then(() => scopeFor(bus, source).request(key, params, { signal: controller.signal, timeoutMs: Infinity }))
        .then(
          (value) => answer(value, null),
          (error: unknown) => answer(undefined, shapeOf(error)),
        );
    },
    abort(id: number): void {
      served.get(id)?.abort();
      served.delete(id);
    },
    close(): void {
      for (const controller of served.values()) controller.abort();
      served.clear();
    },
  };
}
