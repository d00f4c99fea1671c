import {
  type BusApi,
  type ObserveRequestOptions,
  observeRequest,
  type RequestArgs,
  type RequestObserver,
  type RequestParams,
  type RequestResult,
  type RequestState,
} from '@mfe-bus/core';
import { useCallback, useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { useBus } from './bus-context';
import { useLatest } from './internal/use-latest';

export type UseRequestOptions = ObserveRequestOptions;

/** Params become optional when the contract allows `undefined`. */
export type UseRequestArgs<Params> = RequestArgs<Params, UseRequestOptions>;

/** Core's `RequestState` (a union on `status`) plus `refetch`, which asks again past the core's cache. */
export type UseRequestResult<Result> = RequestState<Result> & { refetch: () => void };

interface Slot {
  bus: BusApi;
  key: string;
  timeoutMs: number | undefined;
  ttlMs: number | undefined;
  observer: RequestObserver<unknown, unknown>;
}

// Layout effects do not run on the server, and React 18 warns there.
const useLayoutEffectOnClient = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Requests `key` with `params` and tracks the answer through core's `observeRequest`: params compared by
 * value, the request aborted on unmount and when the key or params change, identical requests shared.
 */
export function useRequest<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  ...[params, options = {}]: UseRequestArgs<RequestParams<Key, Params>>
): UseRequestResult<RequestResult<Key, Result>> {
  const bus = useBus();
  const { timeoutMs, ttlMs } = options;
  const create = (): Slot => ({
    bus,
    key,
    timeoutMs,
    ttlMs,
    observer: observeRequest(bus, key, params, options),
  });
  // One observer per component; a new one (starting from pending) when the bus, key or options change.
  const [slot, setSlot] = useState(create);
  let { observer } = slot;
  if (slot.bus !== bus || slot.key !== key || slot.timeoutMs !== timeoutMs || slot.ttlMs !== ttlMs) {
    const next = create();
    setSlot(next);
    observer = next.observer;
  }
  const state = useSyncExternalStore(observer.subscribe, observer.getState, observer.getState);
  // A layout effect, so the switch to pending for new params is rendered before paint.
  useLayoutEffectOnClient(() => observer.setParams(params), [observer, params]); // no-op for equal params

  const latest = useLatest(observer);
  const refetch = useCallback(() => void latest.current.refetch(), [latest]);
  return { ...(state as RequestState<RequestResult<Key, Result>>), refetch };
}
