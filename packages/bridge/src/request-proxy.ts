import type { BusApi, Cleanup, ProviderContext } from '@mfe-bus/core';
import { BridgeError } from './bridge-error';
import type { Drop } from './bridge-plugin';
import { postCloning } from './cloneable';
import type { ErrorShape, Message } from './envelope';

interface Waiting {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface RequestProxyOptions {
  /** Where the proxy providers are registered (the other side's app, when the bridge names it). */
  scope: BusApi;
  /** The keys this side may request from the other side. */
  keys: readonly string[];
  send(message: Message): void;
  drop: Drop;
}

const toError = ([name, message, code]: ErrorShape) =>
  Object.assign(new Error(message), code === null ? { name } : { name, code });

/**
 * This side's end of the requests the other side offers: while connected, one provider per key, so the bus's
 * rules (waiting for a provider, timeouts, dedupe, cache) apply unchanged. A call crosses as a `request`; when
 * every requester gives up, its provider signal aborts and an `abort` crosses too.
 */
export function createRequestProxy({ scope, keys, send, drop }: RequestProxyOptions) {
  const waiting = new Map<number, Waiting>();
  let providers: Cleanup[] = [];
  let ids = 0;

  const call = (key: string, params: unknown, { signal, requester }: ProviderContext) =>
    new Promise((resolve, reject) => {
      const id = ++ids;
      // Posting clones the params: one that cannot be cloned throws here, before anything waits.
      postCloning(() => send(['request', id, key, params, requester]), key);
      waiting.set(id, { resolve, reject });
      signal.addEventListener('abort', () => {
        if (!waiting.delete(id)) return;
        send(['abort', id]);
        reject(signal.reason);
      });
    });

  return {
    /** Registers the providers (the other side is there). */
    open(): void {
      for (const key of keys) {
        try {
          providers.push(scope.provide(key, (params, context) => call(key, params, context)));
        } catch (error) {
          drop('refused', key, { error });
        }
      }
    },
    settle(id: number, value: unknown, error: ErrorShape | null): void {
      const call = waiting.get(id);
      waiting.delete(id);
      if (error) call?.reject(toError(error));
      else call?.resolve(value);
    },
    /** The other side went away: waiting calls fail, providers go (requests wait for the next connection). */
    close(): void {
      for (const unprovide of providers) unprovide();
      providers = [];
      for (const { reject } of waiting.values()) reject(new BridgeError('DISCONNECTED', 'the other side went away'));
      waiting.clear();
    },
  };
}
