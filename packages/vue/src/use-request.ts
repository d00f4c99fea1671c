import type { RequestOptions, RequestParams, RequestResult } from '@mfe-bus/core';
import { type MaybeRefOrGetter, type Ref, shallowRef, toRaw, toValue, watch } from 'vue';
import { stopWithScope } from './scope';
import { useBus } from './use-bus';

/** `pending` until the first answer; then the outcome of the latest settled request. */
export type RequestStatus = 'pending' | 'success' | 'error';

export type UseRequestOptions = Pick<RequestOptions, 'timeoutMs' | 'ttlMs'>;

export interface UseRequestReturn<Result> {
  /** Result of the latest successful request (kept while a newer one runs). */
  data: Readonly<Ref<Result | undefined>>;
  /** Error of the latest request, `undefined` once one succeeds. */
  error: Readonly<Ref<unknown>>;
  status: Readonly<Ref<RequestStatus>>;
  /** True while a request is in flight. */
  isFetching: Readonly<Ref<boolean>>;
  /** Ask again, bypassing the cache; aborts a request still in flight. Does nothing once stopped. */
  refetch(): Promise<void>;
  /** Abort the request in flight and stop following `params` (called for you when the scope is disposed). */
  stop(): void;
}

/** Params may be a plain value, a ref or a getter; optional when the contract allows `undefined`. */
export type UseRequestArgs<Params> = undefined extends Params
  ? [params?: MaybeRefOrGetter<Params>, options?: UseRequestOptions]
  : [params: MaybeRefOrGetter<Params>, options?: UseRequestOptions];

/**
 * Requests `key` now and again whenever reactive `params` change; a change aborts the previous request.
 * The request is aborted when the scope is disposed.
 */
export function useRequest<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  ...[params, options = {}]: UseRequestArgs<RequestParams<Key, Params>>
): UseRequestReturn<RequestResult<Key, Result>> {
  const bus = useBus();
  const data = shallowRef<RequestResult<Key, Result>>();
  const error = shallowRef<unknown>();
  const status = shallowRef<RequestStatus>('pending');
  const isFetching = shallowRef(false);
  let controller: AbortController | undefined;
  let stopped = false;

  function run(current: unknown, fresh: boolean): Promise<void> {
    if (stopped) return Promise.resolve();
    controller?.abort();
    const own = new AbortController();
    controller = own;
    isFetching.value = true;
    const request = bus.request as (key: string, params: unknown, options: RequestOptions) => Promise<unknown>;
    // Providers get the plain object, not Vue's reactive proxy of it.
    return request(key, toRaw(current), { ...options, fresh, signal: own.signal }).then(
      (result) => {
        if (own.signal.aborted) return;
        data.value = result as RequestResult<Key, Result>;
        error.value = undefined;
        status.value = 'success';
        isFetching.value = false;
      },
      (reason: unknown) => {
        if (own.signal.aborted) return;
        error.value = reason;
        status.value = 'error';
        isFetching.value = false;
      },
    );
  }

  const unwatch = watch(
    () => toValue(params),
    (current) => void run(current, false),
    { immediate: true, deep: true },
  );
  const stop = stopWithScope(() => {
    stopped = true;
    unwatch();
    controller?.abort();
    isFetching.value = false;
  }, 'useRequest');
  return { data, error, status, isFetching, refetch: () => run(toValue(params), true), stop };
}
