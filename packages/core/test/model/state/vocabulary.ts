import type { Source } from '../bus-under-test';

export const STATE_KEYS = ['k1', 'k2', 'k3'] as const;
export type StateKey = (typeof STATE_KEYS)[number];

/** The one topic of this model: events only serve to interleave deliveries with state notifications. */
export const STATE_TOPIC = 'state:side';

/** `-0` vs `0` and `NaN` vs `NaN` probe the `Object.is` rule; an object is a new value every time. */
export type ValueChoice = 'zero' | 'minus-zero' | 'one' | 'nan' | 'object';

export type StateWrite =
  | { kind: 'value'; value: ValueChoice }
  | { kind: 'updater'; value: ValueChoice }
  /** An updater that returns what it was given: no change. */
  | { kind: 'keep' }
  | { kind: 'throw' };

/** What a watcher does on each call (after it is logged); the `-once` reactions act on the first call. */
export type WatcherReaction =
  | { kind: 'record' }
  | { kind: 'throw' }
  | { kind: 'set-once'; key: StateKey; value: ValueChoice }
  /** Adds a recording watcher from inside the notification. */
  | { kind: 'watch-once'; key: StateKey; immediate: boolean }
  | { kind: 'publish-once' };

export type SubscriberReaction = { kind: 'record' } | { kind: 'set-once'; key: StateKey; value: ValueChoice };

export interface WatchSpec {
  key: StateKey;
  immediate: boolean;
  reaction: WatcherReaction;
}

export type StateEntry =
  | {
      type: 'watcher';
      watcher: number;
      value: unknown;
      previous: unknown;
      /** Left out of the immediate call, whose meta the spec does not fix. */
      meta?: { key: string; source: Source | undefined; timestamp: number };
      immediate?: true;
    }
  | { type: 'updater'; key: StateKey; previous: unknown }
  /** `setState` threw: `updater` when it was the updater's own error, as it must be. */
  | { type: 'set-state-threw'; error: string }
  | { type: 'error'; listener: number | string; kind: string; name: string | undefined; source: Source | undefined }
  | { type: 'delivery'; subscriber: number; payload: unknown };

/** What a throwing updater throws; `setState` must hand it to its caller. */
export class UpdaterFailure extends Error {
  constructor() {
    super('updater failed');
    this.name = 'UpdaterFailure';
  }
}
