import { BusDestroyedError } from '../errors';
import type { BusContext, ResolvedOptions } from '../internal/context';
import { createDispatcher } from '../internal/dispatcher';
import { createLogger } from '../internal/logger';
import { assertDuration } from '../internal/validate';
import { createPubSub } from '../pubsub/pubsub';
import { createRequests } from '../request/requests';
import { createSharedState } from '../state/state';
import type { Bus, BusOptions, BusSnapshot, ErrorContext } from '../types';
import { PROTOCOL, VERSION } from '../version';

export const DEFAULT_OPTIONS: Readonly<ResolvedOptions> = Object.freeze({
  replayWindowMs: 3000,
  replayLimit: 100,
  requestTimeoutMs: 10_000,
});

function defaultOnError(error: unknown, context: ErrorContext): void {
  console.error('[mfe-bus] a listener threw', context, error);
}

function resolveOptions(options: BusOptions): ResolvedOptions {
  assertDuration(options.replayWindowMs, 'replayWindowMs');
  assertDuration(options.replayLimit, 'replayLimit');
  assertDuration(options.requestTimeoutMs, 'requestTimeoutMs');
  return {
    replayWindowMs: options.replayWindowMs ?? DEFAULT_OPTIONS.replayWindowMs,
    replayLimit: Math.floor(options.replayLimit ?? DEFAULT_OPTIONS.replayLimit),
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_OPTIONS.requestTimeoutMs,
  };
}

/** Creates an isolated bus: for tests, iframes, server rendering, or a scope of its own. */
export function createBus(options: BusOptions = {}): Bus {
  const resolved = resolveOptions(options);
  const onError = options.onError ?? defaultOnError;
  let destroyed = false;

  const context: BusContext = {
    options: resolved,
    logger: createLogger(options.debug ?? false),
    dispatcher: createDispatcher((error, errorContext) => {
      try {
        onError(error, errorContext);
      } catch (secondary) {
        defaultOnError(secondary, { kind: 'bus', detail: 'onError threw' });
      }
    }),
    assertAlive(operation) {
      if (destroyed) throw new BusDestroyedError(operation);
    },
  };
  const pubsub = createPubSub(context);
  const state = createSharedState(context);
  const requests = createRequests(context);

  // Methods are plain closures over this bus (no `this`), so they can be passed around and destructured,
  // and they keep working whichever copy of the library handed them out.
  const bus: Bus = {
    version: VERSION,
    protocol: PROTOCOL,
    get destroyed() {
      return destroyed;
    },
    publish: pubsub.publish as Bus['publish'],
    subscribe: pubsub.subscribe as Bus['subscribe'],
    setState: state.setState as Bus['setState'],
    getState: state.getState as Bus['getState'],
    watchState: state.watchState as Bus['watchState'],
    provide: requests.provide as Bus['provide'],
    request: requests.request as Bus['request'],
    invalidate: requests.invalidate,
    debug(on) {
      if (on !== undefined) context.logger.enabled = on;
      return context.logger.enabled;
    },
    inspect(): BusSnapshot {
      const snapshot = { ...pubsub.inspect(), ...state.inspect(), ...requests.inspect() };
      return {
        version: VERSION,
        protocol: PROTOCOL,
        destroyed,
        ...snapshot,
        counts: {
          subscribers:
            snapshot.topics.reduce((sum, topic) => sum + topic.subscribers, 0) +
            snapshot.patterns.reduce((sum, pattern) => sum + pattern.subscribers, 0),
          watchers: snapshot.state.reduce((sum, entry) => sum + entry.watchers, 0),
          providers: snapshot.providers.reduce((sum, provider) => sum + provider.registered, 0),
          pending: snapshot.pending.reduce((sum, call) => sum + call.requesters, 0),
        },
      };
    },
    destroy() {
      if (destroyed) return;
      requests.clear();
      pubsub.clear();
      state.clear();
      destroyed = true;
    },
  };
  return Object.freeze(bus);
}
