import type { RequestOptions, RequestParams, RequestResult } from '@mfe-bus/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useBus } from './bus-context';
import { useLatest } from './internal/use-latest';
import { useStructural } from './internal/use-structural';

export type UseRequestOptions = Pick<RequestOptions, 'timeoutMs' | 'ttlMs'>;

/** Params become optional when the contract allows `undefined`. */
export type UseRequestArgs<Params> = undefined extends Params
  ? [params?: Params, options?: UseRequestOptions]
  : [params: Params, options?: UseRequestOptions];

export type UseRequestResult<Result> = (
  | { status: 'pending'; data: undefined; error: undefined }
  | { status: 'success'; data: Result; error: undefined }
  | { status: 'error'; data: Result | undefined; error: unknown }
) & {
  /** True while a provider call for the current key and params is under way (first load or refetch). */
  isFetching: boolean;
  /** Asks again, bypassing the core's result cache. */
  refetch: () => void;
};

type Outcome = { target: unknown; status: 'success' | 'error'; data: unknown; error: unknown };

/**
 * Requests `key` with `params` and tracks the answer. Params are compared by value, so a new literal on
 * every render does not request again. The request is aborted (its AbortSignal) on unmount and when the
 * key or params change; identical requests from many components share one provider call in the core.
 */
export function useRequest<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  ...[params, options = {}]: UseRequestArgs<RequestParams<Key, Params>>
): UseRequestResult<RequestResult<Key, Result>> {
  const bus = useBus();
  const stableParams = useStructural(params);
  const { timeoutMs, ttlMs } = options;
  // One identity per (bus, key, params): outcomes are only shown for the target they answer.
  const target = useMemo(() => ({ bus, key, params: stableParams }), [bus, key, stableParams]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fetching, setFetching] = useState<unknown>(null);
  const [refetchFor, setRefetchFor] = useState<{ target: unknown } | null>(null);

  useEffect(() => {
    let active = true;
    const controller = new AbortController();
    const settle = (next: (previous: Outcome | null) => Omit<Outcome, 'target'>) => {
      if (!active) return;
      setOutcome((previous) => ({ target, ...next(previous) }));
      setFetching(null);
    };
    target.bus
      .request<unknown, unknown, string>(target.key, target.params, {
        signal: controller.signal,
        fresh: refetchFor?.target === target,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(ttlMs === undefined ? {} : { ttlMs }),
      })
      .then(
        (data) => settle(() => ({ status: 'success', data, error: undefined })),
        // A failed refetch keeps the data it had for the same target.
        (error: unknown) =>
          settle((previous) => ({
            status: 'error',
            data: previous?.target === target ? previous.data : undefined,
            error,
          })),
      );
    return () => {
      active = false;
      // Aborted a microtask later: a StrictMode re-run or an identical re-request joins the same core
      // call first, so the provider is not cancelled and called again for nothing.
      queueMicrotask(() => controller.abort());
    };
  }, [target, refetchFor, timeoutMs, ttlMs]);

  const latestTarget = useLatest(target);
  const refetch = useCallback(() => {
    setFetching(latestTarget.current);
    setRefetchFor({ target: latestTarget.current });
  }, [latestTarget]);

  const current = outcome?.target === target ? outcome : null;
  const isFetching = fetching === target || current === null;
  if (!current) return { status: 'pending', data: undefined, error: undefined, isFetching, refetch };
  if (current.status === 'success') {
    return {
      status: 'success',
      data: current.data as RequestResult<Key, Result>,
      error: undefined,
      isFetching,
      refetch,
    };
  }
  const data = current.data as RequestResult<Key, Result> | undefined;
  return { status: 'error', data, error: current.error, isFetching, refetch };
}
