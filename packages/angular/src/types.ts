import type { Injector, Signal } from '@angular/core';
import type { RequestArgs, RequestOptions, StateUpdater } from '@mfe-bus/core';

export interface InjectOptions {
  /** Use this injector (and its `DestroyRef`) instead of the current injection context. */
  injector?: Injector;
}

/** `request$` options: unsubscribing is how you cancel, so there is no `signal`. */
export type Request$Options = Omit<RequestOptions, 'signal'>;

/** Params become optional when the contract allows `undefined`/`void`. */
export type Request$Args<Params> = RequestArgs<Params, Request$Options>;

/** A shared value read as a signal; `set`/`update` write to the bus, so every app sees the change. */
export interface BusStateSignal<Value> extends Signal<Value | undefined> {
  set(value: Value): void;
  update(updater: StateUpdater<Value>): void;
}
