import type { Owned } from '../internal/cleanup';
import { assertName } from '../internal/validate';
import type { PubSub } from '../pubsub/pubsub';
import type { Requests } from '../request/requests';
import type { SharedState } from '../state/state';
import type { BusSnapshot, ScopedBus } from '../types';

export interface Primitives {
  pubsub: PubSub;
  state: SharedState;
  requests: Requests;
  inspect(): BusSnapshot;
  /** Tells observers that `app` disposed a scope: how many registrations went, and what the app still holds. */
  disposed(app: string, removed: number): void;
}

/**
 * The bus as one app sees it: every call carries the app's name, and every registration is listed in
 * `owned` until it is undone, so `dispose()` undoes them all at once.
 */
export function createScope({ pubsub, state, requests, inspect, disposed }: Primitives, app: string): ScopedBus {
  assertName(app, 'app');
  const owned: Owned = new Set();
  const scope: ScopedBus = {
    app,
    publish: (topic, payload, options) => pubsub.publish(topic, payload, options, app),
    subscribe: (topic, handler, options) => pubsub.subscribe(topic, handler as never, options, app, owned),
    setState: (key, valueOrUpdater, options) => state.setState(key, valueOrUpdater, options, app),
    getState: state.getState as ScopedBus['getState'],
    watchState: (key, listener, options) => state.watchState(key, listener as never, options, app, owned),
    provide: (key, handler, options) => requests.provide(key, handler as never, options, app, owned),
    request: ((key: string, params?: unknown, options?: never) =>
      requests.request(key, params, options, app, owned)) as ScopedBus['request'],
    invalidate: requests.invalidate,
    inspect,
    dispose() {
      const removed = owned.size;
      for (const cleanup of [...owned]) cleanup();
      disposed(app, removed);
    },
  };
  return Object.freeze(scope);
}
