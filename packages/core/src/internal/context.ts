import type { Dispatcher } from './dispatcher';
import type { Logger } from './logger';

export interface ResolvedOptions {
  replayWindowMs: number;
  replayLimit: number;
  requestTimeoutMs: number;
}

/** What the bus's parts (pub/sub, state, requests) share. */
export interface BusContext {
  readonly options: ResolvedOptions;
  readonly dispatcher: Dispatcher;
  readonly logger: Logger;
  /** Throws `BusDestroyedError` once the bus is destroyed. */
  assertAlive(operation: string): void;
}
