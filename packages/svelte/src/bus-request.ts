import { getBus, type RequestOptions, type RequestParams, type RequestResult } from '@mfe-bus/core';
import { type Readable, readable } from 'svelte/store';
import type { BusStoreOptions } from './bus-state';

export interface RequestState<Result> {
  /** Result of the latest successful request (kept while a newer one runs). */
  data: Result | undefined;
  /** Error of the latest request, `undefined` once one succeeds. */
  error: unknown;
  /** `pending` until the first answer; then the outcome of the latest settled request. */
  status: 'pending' | 'success' | 'error';
  /** True while a request is in flight. */
  isFetching: boolean;
}

export interface BusRequestOptions extends BusStoreOptions, Pick<RequestOptions, 'timeoutMs' | 'ttlMs'> {}

export interface BusRequestStore<Result> extends Readable<RequestState<Result>> {
  /** Ask again, bypassing the cache (only while the store has subscribers). */
  refetch(): void;
}

export type BusRequestArgs<Params> = undefined extends Params
  ? [params?: Params, options?: BusRequestOptions]
  : [params: Params, options?: BusRequestOptions];

/**
 * A readable store of `{ data, error, status, isFetching }` for one request. The first subscriber starts
 * the request; when the last one leaves, the request in flight is aborted. For changing params, make a
 * new store (`$derived(busRequest(key, params))`, or `$:` in Svelte 4).
 */
export function busRequest<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  ...[params, { bus = getBus(), ...requestOptions } = {}]: BusRequestArgs<RequestParams<Key, Params>>
): BusRequestStore<RequestResult<Key, Result>> {
  type State = RequestState<RequestResult<Key, Result>>;
  const request = bus.request as (key: string, params: unknown, options: RequestOptions) => Promise<unknown>;
  let fetch: ((fresh: boolean) => void) | undefined;

  const { subscribe } = readable<State>(
    { data: undefined, error: undefined, status: 'pending', isFetching: false },
    (_set, update) => {
      let controller: AbortController | undefined;
      fetch = (fresh) => {
        controller?.abort();
        const own = new AbortController();
        controller = own;
        update((state) => ({ ...state, isFetching: true }));
        request(key, params, { ...requestOptions, fresh, signal: own.signal }).then(
          (data) => {
            if (!own.signal.aborted)
              update(() => ({ data: data as State['data'], error: undefined, status: 'success', isFetching: false }));
          },
          (error: unknown) => {
            if (!own.signal.aborted) update((state) => ({ ...state, error, status: 'error', isFetching: false }));
          },
        );
      };
      fetch(false);
      return () => {
        fetch = undefined;
        controller?.abort();
      };
    },
  );
  return { subscribe, refetch: () => fetch?.(true) };
}
