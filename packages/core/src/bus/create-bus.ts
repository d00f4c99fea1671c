import { BusDestroyedError } from '../errors';
import { createDemands } from '../extension/on-demand';
import { createPlugins } from '../extension/plugins';
import type { BusContext, ResolvedOptions } from '../internal/context';
import { createDispatcher } from '../internal/dispatcher';
import { errorInfo } from '../internal/error-info';
import { toJsonable } from '../internal/jsonable';
import { assertDuration, assertFunction, assertName } from '../internal/validate';
import { logRecord } from '../observe/debug-log';
import { createObservers } from '../observe/observers';
import { createPubSub } from '../pubsub/pubsub';
import { assertPatternShape } from '../pubsub/topic-pattern';
import { createRequests } from '../request/requests';
import { createSharedState } from '../state/state';
import type { AppSnapshot, Bus, BusOptions, BusSnapshot, Cleanup, ErrorContext, Source } from '../types';
import { PROTOCOL, VERSION } from '../version';
import { createScope } from './scope';

export const DEFAULT_OPTIONS: Readonly<ResolvedOptions> = Object.freeze({
  replayWindowMs: 3000,
  replayLimit: 100,
  requestTimeoutMs: 10_000,
});

/** A library copy that attached to a bus. */
export interface CopyInfo {
  version: string;
  protocol: string;
}

const NOTHING_HELD: AppSnapshot = { app: null, subscribers: 0, watchers: 0, providers: 0, pending: 0 };

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
  return createBusFor(options, [{ version: VERSION, protocol: PROTOCOL }]);
}

/** `createBus`, listing the library copies that attach to it in `copies` (the page-wide record's list). */
export function createBusFor(options: BusOptions, copies: readonly CopyInfo[]): Bus {
  const resolved = resolveOptions(options);
  const onError = options.onError ?? defaultOnError;
  let destroyed = false;
  let stopDebugLog: Cleanup | undefined;

  function sendToOnError(error: unknown, errorContext: ErrorContext): void {
    try {
      onError(error, errorContext);
    } catch (secondary) {
      defaultOnError(secondary, { kind: 'bus', detail: 'onError threw' });
    }
  }

  const observers = createObservers((error) => sendToOnError(error, { kind: 'bus', detail: 'an observer threw' }));

  function report(error: unknown, errorContext: ErrorContext): void {
    sendToOnError(error, errorContext);
    if (!observers.active || errorContext.kind === 'bus') return;
    const timestamp = Date.now();
    if (errorContext.kind === 'report') {
      const { report: name, name: subject, source, detail } = errorContext;
      const info = errorInfo(error);
      observers.emit({
        type: 'report',
        timestamp,
        report: name,
        name: subject,
        source,
        error: info,
        detail: toJsonable(detail),
      });
      return;
    }
    const name =
      errorContext.kind === 'subscriber'
        ? errorContext.topic
        : errorContext.kind === 'watcher'
          ? errorContext.key
          : errorContext.name;
    const { kind, source } = errorContext;
    observers.emit({ type: 'listener-error', timestamp, kind, name, source, error: errorInfo(error) });
  }

  const context: BusContext = {
    options: resolved,
    dispatcher: createDispatcher((error, kind, name, source) =>
      report(error, kind === 'subscriber' ? { kind, topic: name, source } : { kind, key: name, source }),
    ),
    observers,
    plugins: createPlugins((error, hook, name, source) => report(error, { kind: 'plugin', hook, name, source })),
    demands: createDemands(
      (error, hook, name) => report(error, { kind: 'demand', hook, name, source: null }),
      () => [...pubsub.listeners(), ...state.listeners()],
    ),
    report,
    assertAlive(operation) {
      if (destroyed) throw new BusDestroyedError(operation);
    },
  };
  const pubsub = createPubSub(context);
  const state = createSharedState(context);
  const requests = createRequests(context);

  function countApps(): AppSnapshot[] {
    const apps = new Map<Source, AppSnapshot>();
    const of = (app: Source) => {
      let entry = apps.get(app);
      if (!entry) {
        entry = { app, subscribers: 0, watchers: 0, providers: 0, pending: 0 };
        apps.set(app, entry);
      }
      return entry;
    };
    pubsub.countApps((app) => of(app).subscribers++);
    state.countApps((app) => of(app).watchers++);
    requests.countApps(
      (app) => of(app).providers++,
      (app) => of(app).pending++,
    );
    // The bus's own calls first, then the apps by name.
    return [...apps.values()].sort((a, b) =>
      a.app === b.app ? 0 : a.app === null ? -1 : b.app === null ? 1 : a.app < b.app ? -1 : 1,
    );
  }

  function inspect(): BusSnapshot {
    const snapshot = { ...pubsub.inspect(), ...state.inspect(), ...requests.inspect() };
    return {
      version: VERSION,
      protocol: PROTOCOL,
      destroyed,
      ...snapshot,
      apps: countApps(),
      copies: copies.map((copy) => ({ ...copy })),
      counts: {
        subscribers:
          snapshot.topics.reduce((sum, topic) => sum + topic.subscribers, 0) +
          snapshot.patterns.reduce((sum, pattern) => sum + pattern.subscribers, 0),
        watchers: snapshot.state.reduce((sum, entry) => sum + entry.watchers, 0),
        providers: snapshot.providers.reduce((sum, provider) => sum + provider.registered, 0),
        pending: snapshot.pending.reduce((sum, call) => sum + call.requesters, 0),
      },
    };
  }

  const primitives = {
    pubsub,
    state,
    requests,
    inspect,
    disposed(app: string, removed: number): void {
      if (!observers.active) return;
      const { app: _, ...kept } = countApps().find((entry) => entry.app === app) ?? NOTHING_HELD;
      observers.emit({ type: 'dispose', timestamp: Date.now(), source: app, removed, kept });
    },
  };

  // Methods are plain closures over this bus (no `this`), so they can be passed around and destructured,
  // and they keep working whichever copy of the library handed them out.
  const bus: Bus = {
    version: VERSION,
    protocol: PROTOCOL,
    get destroyed() {
      return destroyed;
    },
    publish: (topic, payload, publishOptions) => pubsub.publish(topic, payload, publishOptions, null),
    subscribe: (topic, handler, subscribeOptions) => pubsub.subscribe(topic, handler as never, subscribeOptions, null),
    setState: (key, valueOrUpdater, setOptions) => state.setState(key, valueOrUpdater, setOptions, null),
    getState: state.getState as Bus['getState'],
    watchState: (key, listener, watchOptions) => state.watchState(key, listener as never, watchOptions, null),
    provide: (key, handler, provideOptions) => requests.provide(key, handler as never, provideOptions, null),
    request: ((key: string, params?: unknown, requestOptions?: never) =>
      requests.request(key, params, requestOptions, null)) as Bus['request'],
    invalidate: requests.invalidate,
    scope(app) {
      context.assertAlive('scope');
      return createScope(primitives, app);
    },
    observe(listener) {
      context.assertAlive('observe');
      assertFunction(listener, 'observer');
      return observers.add(listener);
    },
    use(plugin) {
      context.assertAlive('use');
      return context.plugins.add(plugin, {
        report: (error, { report: name, name: subject, source = null, detail }) =>
          report(error, { kind: 'report', report: name, name: subject, source, detail }),
        isSensitive: context.plugins.isSensitive,
      });
    },
    onDemand(topicOrKey, start) {
      context.assertAlive('onDemand');
      assertName(topicOrKey, 'topic or key');
      assertPatternShape(topicOrKey);
      assertFunction(start, 'start');
      return context.demands.register(topicOrKey, start);
    },
    debug(on) {
      context.assertAlive('debug');
      if (on === true && !stopDebugLog) stopDebugLog = observers.add(logRecord);
      if (on === false) {
        stopDebugLog?.();
        stopDebugLog = undefined;
      }
      return stopDebugLog !== undefined;
    },
    inspect,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      context.dispatcher.clear();
      observers.clear();
      context.plugins.clear();
      requests.clear();
      context.demands.clear();
      pubsub.clear();
      state.clear();
    },
  };
  if (options.debug) bus.debug(true);
  return Object.freeze(bus);
}
