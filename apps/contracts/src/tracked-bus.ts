import type { Bus, Cleanup, RequestArgs, RequestParams } from '@mfe-bus/core';
import type { OwnCounts } from './remote-module';

export interface TrackedBus {
  /** A bus that forwards everything to the wrapped one and counts the registrations made through it. */
  bus: Bus;
  counts(): OwnCounts;
}

/**
 * Wraps the page-wide bus so that a remote can show (and the e2e tests can check) the registrations it
 * owns: `inspect().counts` covers the whole page, this covers only what went through the wrapper.
 */
export function trackBus(bus: Bus): TrackedBus {
  const live: OwnCounts = { subscribers: 0, watchers: 0, providers: 0 };

  function track(kind: keyof OwnCounts, cleanup: Cleanup, signal?: AbortSignal): Cleanup {
    live[kind] += 1;
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        live[kind] -= 1;
      }
      cleanup();
    };
    signal?.addEventListener('abort', release, { once: true });
    return Object.assign(release, { [Symbol.dispose]: release });
  }

  const tracked: Bus = {
    get version() {
      return bus.version;
    },
    get protocol() {
      return bus.protocol;
    },
    get destroyed() {
      return bus.destroyed;
    },
    publish: (topic, payload) => bus.publish(topic, payload),
    subscribe: (topic, handler, options) =>
      track('subscribers', bus.subscribe(topic, handler, options), options?.signal),
    setState: (key, valueOrUpdater) => bus.setState(key, valueOrUpdater),
    getState: (key) => bus.getState(key),
    watchState: (key, listener, options) => track('watchers', bus.watchState(key, listener, options), options?.signal),
    provide: (key, handler, options) => track('providers', bus.provide(key, handler, options)),
    request<Result, Params, Key extends string>(key: Key, ...args: RequestArgs<RequestParams<Key, Params>>) {
      return bus.request<Result, Params, Key>(key, ...args);
    },
    invalidate: (key, params) => bus.invalidate(key, params),
    debug: (on) => bus.debug(on),
    inspect: () => bus.inspect(),
    destroy: () => bus.destroy(),
  };
  return { bus: tracked, counts: () => ({ ...live }) };
}
