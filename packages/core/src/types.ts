import type { BusRecord } from './records';
/**
 * The shared catalogue. Apps augment these interfaces once, in a shared `.d.ts`, and every call site is
 * typed without generics:
 *
 * ```ts
 * declare module '@mfe-bus/core' {
 *   interface BusEvents { 'cart:updated': { count: number } }
 *   interface BusState { user: { id: string; name: string } | null }
 *   interface BusRequests { 'user:permissions': { params: { userId: string }; result: string[] } }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by users (declaration merging)
export interface BusEvents {}
// biome-ignore lint/suspicious/noEmptyInterface: augmented by users (declaration merging)
export interface BusState {}
// biome-ignore lint/suspicious/noEmptyInterface: augmented by users (declaration merging)
export interface BusRequests {}

/** Shape of one `BusRequests` entry. */
export interface RequestContract<Params = unknown, Result = unknown> {
  params: Params;
  result: Result;
}

/** Payload of `topic`: the catalogue's type, or `Fallback` (a call-site generic) for other topics. */
export type EventPayload<Topic extends string, Fallback = unknown> = Topic extends keyof BusEvents
  ? BusEvents[Topic]
  : Fallback;

type CataloguedTopicsUnder<Prefix extends string> = {
  [T in keyof BusEvents]: T extends `${Prefix}:${string}` ? BusEvents[T] : never;
}[keyof BusEvents];

/**
 * Payload seen by a subscriber of `topicOrPattern`. `domain:*` gives the union of the catalogued topics
 * under `domain:`; `*` (which also receives topics outside the catalogue) gives `Fallback`.
 */
export type PatternPayload<Pattern extends string, Fallback = unknown> = Pattern extends keyof BusEvents
  ? BusEvents[Pattern]
  : Pattern extends `${infer Prefix}:*`
    ? [CataloguedTopicsUnder<Prefix>] extends [never]
      ? Fallback
      : CataloguedTopicsUnder<Prefix>
    : Fallback;

/** Value stored under a state key: the catalogue's type, or `Fallback` for other keys. */
export type StateValue<Key extends string, Fallback = unknown> = Key extends keyof BusState ? BusState[Key] : Fallback;

/** Params of a request key: from the catalogue (`BusRequests[key]['params']`), or `Fallback`. */
export type RequestParams<Key extends string, Fallback = unknown> = Key extends keyof BusRequests
  ? BusRequests[Key] extends { params: infer P }
    ? P
    : undefined
  : Fallback;

/** Result of a request key: from the catalogue (`BusRequests[key]['result']`), or `Fallback`. */
export type RequestResult<Key extends string, Fallback = unknown> = Key extends keyof BusRequests
  ? BusRequests[Key] extends { result: infer R }
    ? R
    : unknown
  : Fallback;

/**
 * A call's trailing arguments: `params` becomes optional when the contract allows `undefined`/`void`.
 * Bindings pass their own options type (and a wrapper of params, e.g. Vue's `MaybeRefOrGetter`).
 */
export type RequestArgs<Params, Options = RequestOptions, Given = Params> = undefined extends Params
  ? [params?: Given, options?: Options]
  : [params: Given, options?: Options];

/** What every registration returns: call it (any number of times) to undo the registration. */
export interface Cleanup {
  (): void;
  /** Lets `using sub = bus.subscribe(...)` clean up at the end of a block. */
  [Symbol.dispose](): void;
}

/** The app (a scope's name) that made a call; `null` for calls made on the bus itself. */
export type Source = string | null;

export interface EventMeta {
  topic: string;
  /** `Date.now()` when the event was published. */
  timestamp: number;
  /** True when the event is delivered from the replay buffer to a late subscriber. */
  replayed: boolean;
  /** Bus-wide publish number, increasing: pass it as `subscribe(…, { after })` to skip what you have seen. */
  seq: number;
  /** The app that published (through `bus.scope(app)`), or `null`. */
  source: Source;
  /** What carried the event here from another bus (a bridge's name), if anything did. */
  via: string | undefined;
  /** False for an event published with `{ replay: false }`: never buffered (a bridge keeps it so). */
  replay: boolean;
}

export interface StateMeta {
  key: string;
  /** The app that wrote the value (through `bus.scope(app)`), or `null`. */
  source: Source;
  /** `Date.now()` of the write. */
  timestamp: number;
  /** True for a write made with `{ optimistic: true }` (not confirmed by a server yet). */
  optimistic: boolean;
  /** What carried the value from another bus, if anything did. */
  via: string | undefined;
}

export type EventHandler<Payload> = (payload: Payload, meta: EventMeta) => void;
export type StateListener<Value> = (value: Value | undefined, previous: Value | undefined, meta: StateMeta) => void;
export type StateUpdater<Value> = (previous: Value | undefined) => Value;

export interface ProviderContext {
  /** Aborted when every request waiting on this call has given up (timeout, abort) or the bus is destroyed. */
  signal: AbortSignal;
  /** The app whose request started this call, or `null`. */
  requester: Source;
}
export type ProviderHandler<Params, Result> = (params: Params, context: ProviderContext) => Result | Promise<Result>;

export interface PublishOptions {
  /**
   * `false`: deliver to current subscribers only and never buffer the event for late ones (a confirmation,
   * a token). Default `true`.
   */
  replay?: boolean;
  /** Names what carried the event from another bus (a bridge): subscribers see it as `meta.via`. */
  via?: string;
}

export interface SetStateOptions {
  /** Marks a write the server has not confirmed yet: watchers see `meta.optimistic === true`. */
  optimistic?: boolean;
  /** Names what carried the value from another bus (a bridge): watchers see it as `meta.via`. */
  via?: string;
}

export interface SubscribeOptions {
  /** Deliver events published within the replay window before this subscription. Default `true`. */
  replay?: boolean;
  /** Skip replayed events whose `meta.seq` is at most this (events this subscriber has already seen). */
  after?: number;
  /** Unsubscribes when aborted. */
  signal?: AbortSignal;
}

export interface WatchOptions {
  /** Call the listener at once with the current value. Default `false`. */
  immediate?: boolean;
  /** Stops watching when aborted. */
  signal?: AbortSignal;
}

export interface ProvideOptions {
  /** Cache results of this provider for this long (ms). Default `0`: no cache. */
  ttlMs?: number;
}

export interface RequestOptions {
  /** Reject with `ProviderTimeoutError` after this long (ms), waiting time included. Default: the bus's `requestTimeoutMs`. */
  timeoutMs?: number;
  /** Rejects at once with the signal's reason when aborted. */
  signal?: AbortSignal;
  /** Skip the cache and call the provider again (the result refreshes the cache). */
  fresh?: boolean;
  /** Cache this result for this long (ms), overriding the provider's `ttlMs`. */
  ttlMs?: number;
}

/** Where an error reported to `onError` came from. */
export type ErrorContext =
  | { kind: 'subscriber'; topic: string; source: Source }
  | { kind: 'watcher'; key: string; source: Source }
  /** A plugin hook refused a call (the caller got the error too), or `onDemand`'s start/stop threw. */
  | { kind: 'plugin' | 'demand'; hook: string; name: string; source: Source }
  /** Reported by a capability through `PluginTools.report` (a contract violation, a dropped message, …). */
  | { kind: 'report'; report: string; name?: string | undefined; source: Source; detail?: unknown }
  | { kind: 'bus'; detail: string };

export interface BusOptions {
  /** How long (ms) published events stay available for late subscribers. Default 3000; `0` disables replay. */
  replayWindowMs?: number;
  /** Events kept per topic for replay. Default 100. */
  replayLimit?: number;
  /** Default request timeout (ms). Default 10000. */
  requestTimeoutMs?: number;
  /** Receives errors thrown by subscribers, watchers, plugins and on-demand hooks. Default: `console.error`. */
  onError?: (error: unknown, context: ErrorContext) => void;
  /** Log every publish, state change and request step. Default `false`. */
  debug?: boolean;
}

export interface BufferedEventSnapshot {
  topic: string;
  seq: number;
  source: Source;
  timestamp: number;
  payload: unknown;
}

/** Registrations of one app (scope); `app: null` counts calls made on the bus itself. */
export interface AppSnapshot {
  app: Source;
  subscribers: number;
  watchers: number;
  providers: number;
  pending: number;
}

/**
 * A JSON-able picture of everything the bus holds, for devtools, tests and debug panels. Values JSON
 * cannot hold are shown as strings: `"[Circular]"`, `"12n"`, `"[Function f]"`.
 */
export interface BusSnapshot {
  version: string;
  protocol: string;
  destroyed: boolean;
  topics: { topic: string; subscribers: number; buffered: BufferedEventSnapshot[] }[];
  patterns: { pattern: string; subscribers: number }[];
  state: { key: string; value: unknown; watchers: number; source: Source; updatedAt: number | null }[];
  providers: { key: string; registered: number; ttlMs: number; app: Source }[];
  pending: { key: string; params: unknown; requesters: number; waitingForProvider: boolean; apps: Source[] }[];
  cache: { key: string; params: unknown; expiresInMs: number }[];
  /** Per app, what it holds; apps with nothing registered are left out. */
  apps: AppSnapshot[];
  /** Every copy of the library that attached to this bus (the creator first). */
  copies: { version: string; protocol: string }[];
  /**
   * Totals, handy for "nothing leaked" assertions. `pending` counts waiting requesters, not provider
   * calls: four apps waiting on one shared call count 4.
   */
  counts: { subscribers: number; watchers: number; providers: number; pending: number };
}

/** The three primitives, the same on the bus and on a scope. */
export interface BusApi {
  publish<Payload = unknown, Topic extends string = string>(
    topic: Topic,
    payload: EventPayload<Topic, Payload>,
    options?: PublishOptions,
  ): void;
  subscribe<Payload = unknown, Pattern extends string = string>(
    topicOrPattern: Pattern,
    handler: EventHandler<PatternPayload<Pattern, Payload>>,
    options?: SubscribeOptions,
  ): Cleanup;

  setState<Value = unknown, Key extends string = string>(
    key: Key,
    valueOrUpdater: StateValue<Key, Value> | StateUpdater<StateValue<Key, Value>>,
    options?: SetStateOptions,
  ): void;
  getState<Value = unknown, Key extends string = string>(key: Key): StateValue<Key, Value> | undefined;
  watchState<Value = unknown, Key extends string = string>(
    key: Key,
    listener: StateListener<StateValue<Key, Value>>,
    options?: WatchOptions,
  ): Cleanup;

  provide<Result = unknown, Params = unknown, Key extends string = string>(
    key: Key,
    handler: ProviderHandler<RequestParams<Key, Params>, RequestResult<Key, Result>>,
    options?: ProvideOptions,
  ): Cleanup;
  request<Result = unknown, Params = unknown, Key extends string = string>(
    key: Key,
    ...args: RequestArgs<RequestParams<Key, Params>>
  ): Promise<RequestResult<Key, Result>>;
  /** Drop cached results for `key` (all of them, or only those for `params`). */
  invalidate(key: string, params?: unknown): void;

  inspect(): BusSnapshot;
}

/**
 * The bus as seen by one app: every event it publishes carries `meta.source = app`, state it writes
 * records it as the writer, requests and providers record it. `dispose()` removes everything registered
 * through this scope (subscriptions, watchers, providers; waiting requests reject with
 * `ScopeDisposedError`); the scope stays usable afterwards, so a remote that mounts again can reuse it.
 */
export interface ScopedBus extends BusApi {
  readonly app: string;
  dispose(): void;
}

/** What a plugin hook learns about the call it intercepts. */
export interface PluginMeta {
  /** The app that made the call (for `result`: the app whose request started the call), or `null`. */
  readonly source: Source;
}
/** For `publish` and `setState` hooks: what carried the value from another bus (untrusted input), if anything. */
export interface WritePluginMeta extends PluginMeta {
  readonly via: string | undefined;
}
export interface PublishPluginMeta extends WritePluginMeta {
  /** Set to `false` to keep this event out of the replay buffer. */
  replay: boolean;
}
export interface ResultPluginMeta extends PluginMeta {
  /** The app that registered the provider that answered, or `null`. */
  readonly provider: Source;
}

/** What a plugin gets once, when installed: a way to report what it found. */
export interface PluginTools {
  /**
   * Sends `error` to the bus's `onError` (context `{ kind: 'report', report, name, source }`) and to every
   * `observe` listener as a `report` record.
   */
  report(error: unknown, context: { report: string; name?: string; source?: Source; detail?: unknown }): void;
  /** Whether a plugin's `sensitive` hook hides this topic's payloads or this key's values (a bridge asks before sending). */
  isSensitive(kind: 'event' | 'state', name: string): boolean;
}

/**
 * Interceptors that run on the bus instance for every call, whichever copy of the library made it. Each
 * hook returns the value to use (possibly replaced) or throws to refuse the call: the caller gets the
 * error (`request` rejects with it), and so does `onError`. Plugins run in the order they were installed.
 */
export interface BusPlugin {
  /** Shown in error contexts and records. */
  name?: string;
  /** Called once by `use()`. */
  setup?(tools: PluginTools): void;
  /** Before a publish; return the payload to deliver. */
  publish?(topic: string, payload: unknown, meta: PublishPluginMeta): unknown;
  /** Before a state write (after an updater ran); return the value to store. */
  setState?(key: string, next: unknown, previous: unknown, meta: WritePluginMeta): unknown;
  /** Before a provider registers; throw to refuse it. */
  provide?(key: string, meta: PluginMeta): void;
  /** On request params, before the cache and dedupe see them; may be async. No provider call if it throws. */
  request?(key: string, params: unknown, meta: PluginMeta): unknown;
  /** On a provider's result, before it is cached; may be async. A rejection is not cached and rejects the request. */
  result?(key: string, params: unknown, result: unknown, meta: ResultPluginMeta): unknown;
  /**
   * True when the payloads of an event topic or the values of a state key must never be shown: observe
   * records, `inspect()` and debug output then hold `"[Sensitive]"` in their place.
   */
  sensitive?(kind: 'event' | 'state', name: string): boolean;
}

/** Starts work when a topic, pattern or state key gets its first listener; returns what stops it. */
// biome-ignore lint/suspicious/noConfusingVoidType: a start that returns nothing must type-check as well
export type DemandStart = (name: string) => void | (() => void);

export interface Bus extends BusApi {
  /** Library version of the copy that created this bus. */
  readonly version: string;
  /** Protocol ("major.minor") of the copy that created this bus; copies of the same major share it. */
  readonly protocol: string;
  /** True once `destroy()` ran. */
  readonly destroyed: boolean;

  /** The bus as seen by `app` (protocol 1.1). */
  scope(app: string): ScopedBus;
  /** A synchronous stream of JSON-able records of everything the bus does (protocol 1.1). */
  observe(listener: (record: BusRecord) => void): Cleanup;
  /** Installs interceptors for every call on this bus (protocol 1.1). */
  use(plugin: BusPlugin): Cleanup;
  /**
   * Runs `start` when the first subscriber or watcher of a matching topic, pattern or state key appears,
   * and what it returned after the last one leaves. `topicOrKey` may be a pattern (`domain:*`, `*`); a
   * subscription matches when the topics both cover overlap (protocol 1.1).
   */
  onDemand(topicOrKey: string, start: DemandStart): Cleanup;

  /** Turn debug logging (a console consumer of `observe`) on or off; returns whether it is on. */
  debug(on?: boolean): boolean;
  /**
   * Rejects pending requests with `BusDestroyedError` and drops every listener, provider, buffer, value,
   * plugin and observer. Every later call but `destroyed`, `inspect()` and `destroy()` throws `BusDestroyedError`.
   */
  destroy(): void;
}
