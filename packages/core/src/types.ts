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

/** Params become optional when the contract allows `undefined`/`void`. */
export type RequestArgs<Params> = undefined extends Params
  ? [params?: Params, options?: RequestOptions]
  : [params: Params, options?: RequestOptions];

/** What every registration returns: call it (any number of times) to undo the registration. */
export interface Cleanup {
  (): void;
  /** Lets `using sub = bus.subscribe(...)` clean up at the end of a block. */
  [Symbol.dispose](): void;
}

export interface EventMeta {
  topic: string;
  /** `Date.now()` when the event was published. */
  timestamp: number;
  /** True when the event is delivered from the replay buffer to a late subscriber. */
  replayed: boolean;
}

export type EventHandler<Payload> = (payload: Payload, meta: EventMeta) => void;
export type StateListener<Value> = (value: Value | undefined, previous: Value | undefined) => void;
export type StateUpdater<Value> = (previous: Value | undefined) => Value;

export interface ProviderContext {
  /** Aborted when every request waiting on this call has given up (timeout, abort) or the bus is destroyed. */
  signal: AbortSignal;
}
export type ProviderHandler<Params, Result> = (params: Params, context: ProviderContext) => Result | Promise<Result>;

export interface SubscribeOptions {
  /** Deliver events published within the replay window before this subscription. Default `true`. */
  replay?: boolean;
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

export type ErrorContext =
  | { kind: 'subscriber'; topic: string }
  | { kind: 'watcher'; key: string }
  | { kind: 'bus'; detail: string };

export interface BusOptions {
  /** How long (ms) published events stay available for late subscribers. Default 3000; `0` disables replay. */
  replayWindowMs?: number;
  /** Events kept per topic for replay. Default 100. */
  replayLimit?: number;
  /** Default request timeout (ms). Default 10000. */
  requestTimeoutMs?: number;
  /** Receives errors thrown by subscribers and watchers. Default: `console.error`. */
  onError?: (error: unknown, context: ErrorContext) => void;
  /** Log every publish, state change and request step. Default `false`. */
  debug?: boolean;
}

export interface BufferedEventSnapshot {
  topic: string;
  timestamp: number;
  payload: unknown;
}

/** A JSON-able picture of everything the bus holds, for devtools, tests and debug panels. */
export interface BusSnapshot {
  version: string;
  protocol: string;
  destroyed: boolean;
  topics: { topic: string; subscribers: number; buffered: BufferedEventSnapshot[] }[];
  patterns: { pattern: string; subscribers: number }[];
  state: { key: string; value: unknown; watchers: number }[];
  providers: { key: string; registered: number; ttlMs: number }[];
  pending: { key: string; params: unknown; requesters: number; waitingForProvider: boolean }[];
  cache: { key: string; params: unknown; expiresInMs: number }[];
  /**
   * Totals, handy for "nothing leaked" assertions. `pending` counts waiting requesters, not provider
   * calls: four apps waiting on one shared call count 4.
   */
  counts: { subscribers: number; watchers: number; providers: number; pending: number };
}

export interface Bus {
  /** Library version of the copy that created this bus. */
  readonly version: string;
  /** Protocol ("major.minor") of the copy that created this bus; copies of the same major share it. */
  readonly protocol: string;
  /** True once `destroy()` ran. */
  readonly destroyed: boolean;

  publish<Payload = unknown, Topic extends string = string>(topic: Topic, payload: EventPayload<Topic, Payload>): void;
  subscribe<Payload = unknown, Pattern extends string = string>(
    topicOrPattern: Pattern,
    handler: EventHandler<PatternPayload<Pattern, Payload>>,
    options?: SubscribeOptions,
  ): Cleanup;

  setState<Value = unknown, Key extends string = string>(
    key: Key,
    valueOrUpdater: StateValue<Key, Value> | StateUpdater<StateValue<Key, Value>>,
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

  /** Turn debug logging on or off; returns whether it is on. */
  debug(on?: boolean): boolean;
  inspect(): BusSnapshot;
  /** Reject pending requests, drop every listener, provider, buffer and value. Further use throws `BusDestroyedError`. */
  destroy(): void;
}
