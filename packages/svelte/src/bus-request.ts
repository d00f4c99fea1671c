import {
  type ObserveRequestOptions,
  observeRequest,
  type RequestArgs,
  type RequestParams,
  type RequestResult,
  type RequestState,
} from '@mfe-bus/core';
import { type Readable, readable } from 'svelte/store';
import { type BusStoreOptions, busFromContext } from './context';

export interface BusRequestOptions extends BusStoreOptions, ObserveRequestOptions {}

export interface BusRequestStore<Result> extends Readable<RequestState<Result>> {
  /** Ask again, bypassing the cache (only while the store has subscribers). */
  refetch(): void;
}

/** Params become optional when the contract allows `undefined`. */
export type BusRequestArgs<Params> = RequestArgs<Params, BusRequestOptions>;

/**
 * A readable store of core's `RequestState` (`{ data, error, status, isFetching }`) for one request, over
 * core's `observeRequest`. The first subscriber starts the request; a microtask after the last one leaves,
 * the request in flight is aborted. For changing params, make a new store (`$derived(busRequest(key,
 * params))`, or `$:` in Svelte 4).
 */
export function busRequest<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  ...[params, { bus, app, ...requestOptions } = {}]: BusRequestArgs<RequestParams<Key, Params>>
): BusRequestStore<RequestResult<Key, Result>> {
  const observer = observeRequest<RequestResult<Key, Result>, unknown>(
    busFromContext({ bus, app }),
    key,
    params,
    requestOptions,
  );
  const { subscribe } = readable(observer.getState(), (set) => observer.subscribe(set));
  return { subscribe, refetch: () => void observer.refetch() };
}
