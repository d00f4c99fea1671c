import {
  type ObserveRequestOptions,
  observeRequest,
  type RequestArgs,
  type RequestParams,
  type RequestResult,
  type RequestState,
  type RequestStatus,
} from '@mfe-bus/core';
import { computed, type MaybeRefOrGetter, type Ref, shallowRef, toRaw, toValue, watch } from 'vue';
import { stopWithScope } from './scope';
import { useBus } from './use-bus';

export type UseRequestOptions = ObserveRequestOptions;

export interface UseRequestReturn<Result> {
  /** Result for the current params: kept while a refetch runs, `undefined` again when params change. */
  data: Readonly<Ref<Result | undefined>>;
  /** Error of the latest request, `undefined` once one succeeds. */
  error: Readonly<Ref<unknown>>;
  /** `pending` until the first answer for the current params; then the outcome of the latest request. */
  status: Readonly<Ref<RequestStatus>>;
  /** True while a request is in flight. */
  isFetching: Readonly<Ref<boolean>>;
  /** Ask again, bypassing the cache; aborts a request still in flight. Does nothing once stopped. */
  refetch(): Promise<void>;
  /** Abort the request in flight and stop following `params` (called for you when the scope is disposed). */
  stop(): void;
}

/** Params may be a plain value, a ref or a getter; optional when the contract allows `undefined`. */
export type UseRequestArgs<Params> = RequestArgs<Params, UseRequestOptions, MaybeRefOrGetter<Params>>;

/**
 * Requests `key` now and again whenever reactive `params` change (core's `observeRequest`); a change
 * aborts the previous request and resets to pending. The request is aborted when the scope is disposed.
 */
export function useRequest<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  ...[params, options = {}]: UseRequestArgs<RequestParams<Key, Params>>
): UseRequestReturn<RequestResult<Key, Result>> {
  // Providers get the plain object, not Vue's reactive proxy of it.
  const observer = observeRequest<RequestResult<Key, Result>, unknown>(useBus(), key, toRaw(toValue(params)), options);
  const state = shallowRef<RequestState<RequestResult<Key, Result>>>(observer.getState());
  const unsubscribe = observer.subscribe((next) => {
    state.value = next;
  });
  const unwatch = watch(
    () => toValue(params),
    (next) => observer.setParams(toRaw(next)),
    { deep: true },
  );
  const stop = stopWithScope(() => {
    unwatch();
    unsubscribe();
    // Core aborts a microtask after the last subscriber leaves (isFetching: false): show that final state.
    queueMicrotask(() => {
      state.value = observer.getState();
    });
  }, 'useRequest');
  return {
    data: computed(() => state.value.data),
    error: computed(() => state.value.error),
    status: computed(() => state.value.status),
    isFetching: computed(() => state.value.isFetching),
    refetch: observer.refetch,
    stop,
  };
}
