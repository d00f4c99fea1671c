import type { Source } from './types';

/**
 * The records `bus.observe(listener)` receives: plain, JSON-able data with a `type` field, one per thing
 * the bus did, in the order it did them. Payloads, values and params are JSON-able copies (what JSON
 * cannot hold becomes a string such as `"[Circular]"` or `"12n"`).
 */
export type BusRecord =
  | PublishRecord
  | ReplayRecord
  | SubscriptionRecord
  | StateRecord
  | WatchRecord
  | ProvideRecord
  | RequestRecord
  | ListenerErrorRecord
  | ReportRecord
  | DisposeRecord;

interface RecordBase {
  /** `Date.now()` when it happened. */
  timestamp: number;
}

/** An event was delivered to current subscribers (records come when delivery ends, in FIFO order). */
export interface PublishRecord extends RecordBase {
  type: 'publish';
  seq: number;
  topic: string;
  source: Source;
  payload: unknown;
  /** How many subscriptions received it, and their apps (one entry per subscription). */
  receivers: number;
  receiverApps: Source[];
  /** False when the event was kept out of the replay buffer. */
  replay: boolean;
  /** What carried it from another bus, if anything did (`meta.via`). */
  via?: string | undefined;
}

/** A new subscription was handed buffered events. */
export interface ReplayRecord extends RecordBase {
  type: 'replay';
  topic: string;
  source: Source;
  seqs: number[];
}

export interface SubscriptionRecord extends RecordBase {
  type: 'subscribe' | 'unsubscribe';
  /** The topic or pattern. */
  topic: string;
  source: Source;
}

export interface StateRecord extends RecordBase {
  type: 'state';
  key: string;
  previous: unknown;
  next: unknown;
  source: Source;
  /** A write made with `{ optimistic: true }`. */
  optimistic: boolean;
  via?: string | undefined;
}

export interface WatchRecord extends RecordBase {
  type: 'watch' | 'unwatch';
  key: string;
  source: Source;
}

export interface ProvideRecord extends RecordBase {
  type: 'provide' | 'unprovide';
  key: string;
  source: Source;
  ttlMs: number;
  /** Providers registered for the key afterwards (the last one answers; more than 1: one was stacked). */
  registered: number;
}

/**
 * One step of a request. `call` identifies the provider call (or the wait for a provider) that identical
 * requests share: `queued` (no provider yet), `started`, `joined` (a requester joined a call in flight),
 * `cache-hit`, `settled`, `failed`, and per requester `timed-out` and `aborted`.
 */
export interface RequestRecord extends RecordBase {
  type:
    | 'request:queued'
    | 'request:started'
    | 'request:joined'
    | 'request:cache-hit'
    | 'request:settled'
    | 'request:failed'
    | 'request:timed-out'
    | 'request:aborted';
  /** 0 for a cache hit, which makes no call. */
  call: number;
  key: string;
  paramsKey: string;
  params: unknown;
  /** The app that made this request (for `started`, `settled`, `failed`: the one that started the call). */
  requester: Source;
  /** The app of the provider serving the call, once one is. */
  provider: Source;
  /** Since the call began (ms); on `started`, the time spent waiting for a provider. */
  durationMs: number;
  /** For `failed`, `timed-out`, `aborted`. */
  error?: ErrorInfo;
}

/**
 * An app disposed a scope: `removed` registrations went; `kept` is what the app still holds (through other
 * scopes of the same name): non-zero after an unmount points at a leak.
 */
export interface DisposeRecord extends RecordBase {
  type: 'dispose';
  source: string;
  removed: number;
  kept: { subscribers: number; watchers: number; providers: number; pending: number };
}

/** A subscriber or watcher threw; the others still ran. */
export interface ListenerErrorRecord extends RecordBase {
  type: 'listener-error';
  kind: 'subscriber' | 'watcher' | 'plugin' | 'demand';
  /** The topic, state key or request key. */
  name: string;
  source: Source;
  error: ErrorInfo;
}

/** Something a capability reported through `PluginTools.report` (e.g. a contract violation). */
export interface ReportRecord extends RecordBase {
  type: 'report';
  report: string;
  name?: string | undefined;
  source: Source;
  error: ErrorInfo;
  detail?: unknown;
}

export interface ErrorInfo {
  name: string;
  message: string;
  code?: string;
}
