import type { Demands } from '../extension/on-demand';
import type { Plugins } from '../extension/plugins';
import type { Observers } from '../observe/observers';
import type { ErrorContext } from '../types';
import type { Dispatcher } from './dispatcher';

export interface ResolvedOptions {
  replayWindowMs: number;
  replayLimit: number;
  requestTimeoutMs: number;
}

/** What the bus's parts (pub/sub, state, requests) share. */
export interface BusContext {
  readonly options: ResolvedOptions;
  readonly dispatcher: Dispatcher;
  readonly observers: Observers;
  readonly plugins: Plugins;
  readonly demands: Demands;
  /** Sends an error to `onError` (and observers, as a record) without throwing. */
  report(error: unknown, context: ErrorContext): void;
  /** Throws `BusDestroyedError` once the bus is destroyed. */
  assertAlive(operation: string): void;
}
