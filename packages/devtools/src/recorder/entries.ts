import type {
  DisposeRecord,
  ErrorInfo,
  ListenerErrorRecord,
  ProvideRecord,
  PublishRecord,
  ReportRecord,
  Source,
  StateRecord,
} from '@mfe-bus/core';

/**
 * One line of the timeline. Most entries are the bus's `observe` record plus an `id`; a request entry
 * gathers every step of one provider call, a churn entry consecutive subscription changes of one app.
 * Entries are plain, JSON-able data. Contract violations are `report` entries with `report: 'violation'`.
 */
export type TimelineEntry =
  | PublishEntry
  | StateEntry
  | RequestEntry
  | ProvideEntry
  | ChurnEntry
  | ListenerErrorEntry
  | ReportEntry
  | DisposeEntry;

export type EntryType = TimelineEntry['type'];

interface Identified {
  /** Increasing per recorder. */
  id: number;
}

export interface PublishEntry extends PublishRecord, Identified {
  /** One app per late subscription the event was replayed to. */
  replayedTo: Source[];
}
export interface StateEntry extends StateRecord, Identified {}
export interface ProvideEntry extends ProvideRecord, Identified {}
export interface ListenerErrorEntry extends ListenerErrorRecord, Identified {}
export interface ReportEntry extends ReportRecord, Identified {}
/** An app disposed a scope; `kept` is what the app still held afterwards. */
export interface DisposeEntry extends DisposeRecord, Identified {}

/** `provided`: a provider registered while the call waited for one. */
export type RequestStepName =
  | 'queued'
  | 'provided'
  | 'started'
  | 'joined'
  | 'cache-hit'
  | 'settled'
  | 'failed'
  | 'timed-out'
  | 'aborted';

export interface RequestStep {
  step: RequestStepName;
  timestamp: number;
  /** The requester this step is about (for `provided`: the provider's app). */
  app: Source;
  /** Since the call began. */
  durationMs: number;
  error?: ErrorInfo;
}

export type RequestStatus = 'waiting' | 'running' | 'cache-hit' | 'settled' | 'failed' | 'timed-out' | 'aborted';

/** One provider call (or one cache hit) with all its steps: identical requests share a call. */
export interface RequestEntry extends Identified {
  type: 'request';
  /** When the call began. */
  timestamp: number;
  /** The bus's call id; 0 for a cache hit. */
  call: number;
  key: string;
  paramsKey: string;
  params: unknown;
  /** The app whose request started the call. */
  source: Source;
  provider: Source;
  status: RequestStatus;
  /** Since the call began, as of its latest step. */
  durationMs: number;
  steps: RequestStep[];
}

export type ChurnChange = 'subscribe' | 'unsubscribe' | 'watch' | 'unwatch';

/** Consecutive subscription and watcher changes of one app (a mount, an unmount) as one entry. */
export interface ChurnEntry extends Identified {
  type: 'churn';
  timestamp: number;
  source: Source;
  /** `name`: the topic, pattern or state key. */
  changes: { change: ChurnChange; name: string }[];
}
