import { Injectable, inject, NgZone, type Signal, signal } from '@angular/core';
import type { Bus, BusApi, PatternPayload, RequestParams, RequestResult, StateValue } from '@mfe-bus/core';
import { Observable } from 'rxjs';
import { callerInjector } from './internal/caller-injector';
import { cleanupOnDestroy } from './internal/cleanup-on-destroy';
import { inZone } from './internal/in-zone';
import { requestObservable } from './internal/request-observable';
import { MFE_BUS, MFE_BUS_API } from './mfe-bus.token';
import type { InjectOptions, Request$Args } from './types';

/**
 * The bus as an Angular service: the core primitives (their callbacks run outside Angular's zone) plus
 * signal and RxJS views whose emissions re-enter the zone. Signals made by `state()` are cleaned up with
 * the caller's `DestroyRef`; observables stop listening when unsubscribed. With `provideMfeBus({ app })`
 * every call goes through the app's scope (`meta.source = app`, counted under `app` in `inspect().apps`).
 */
@Injectable({ providedIn: 'root' })
export class MfeBus {
  /** The underlying bus (the page-wide one unless `provideMfeBus()` chose another), unscoped. */
  readonly bus: Bus = inject(MFE_BUS);
  private readonly api: BusApi = inject(MFE_BUS_API);
  private readonly zone = inject(NgZone);

  readonly publish: BusApi['publish'] = this.api.publish;
  readonly subscribe: BusApi['subscribe'] = this.api.subscribe;
  readonly setState: BusApi['setState'] = this.api.setState;
  readonly getState: BusApi['getState'] = this.api.getState;
  readonly watchState: BusApi['watchState'] = this.api.watchState;
  readonly provide: BusApi['provide'] = this.api.provide;
  readonly request: BusApi['request'] = this.api.request;
  readonly invalidate: BusApi['invalidate'] = this.api.invalidate;
  readonly inspect: BusApi['inspect'] = this.api.inspect;

  /** A signal of the shared value under `key`; stops watching when the caller is destroyed. */
  state<Value = unknown, Key extends string = string>(
    key: Key,
    options?: InjectOptions,
  ): Signal<StateValue<Key, Value> | undefined> {
    const injector = callerInjector(this.state, options?.injector);
    const value = signal(this.api.getState<Value, Key>(key));
    cleanupOnDestroy(injector, () => this.api.watchState<Value, Key>(key, inZone(this.zone, value.set)));
    return value.asReadonly();
  }

  /** The current value under `key`, then every change. */
  state$<Value = unknown, Key extends string = string>(key: Key): Observable<StateValue<Key, Value> | undefined> {
    return new Observable((subscriber) =>
      this.api.watchState<Value, Key>(
        key,
        inZone(this.zone, (next) => subscriber.next(next)),
        { immediate: true },
      ),
    );
  }

  /** Payloads of a topic or pattern (`cart:*`, `*`), including replayed ones unless `replay: false`. */
  on$<Payload = unknown, Pattern extends string = string>(
    topicOrPattern: Pattern,
    options?: { replay?: boolean },
  ): Observable<PatternPayload<Pattern, Payload>> {
    return new Observable((subscriber) =>
      this.api.subscribe<Payload, Pattern>(
        topicOrPattern,
        inZone(this.zone, (payload) => subscriber.next(payload)),
        options,
      ),
    );
  }

  /** Emits the result then completes; unsubscribing before that aborts the request. */
  request$<Result = unknown, Params = unknown, Key extends string = string>(
    key: Key,
    ...args: Request$Args<RequestParams<Key, Params>>
  ): Observable<RequestResult<Key, Result>> {
    const [params, options] = args;
    return requestObservable(this.zone, (signal) =>
      this.api.request<Result, Params, Key>(key, ...([params, { ...options, signal }] as never)),
    );
  }
}
