import type { ProvideOptions, ProviderHandler, RequestParams, RequestResult } from '@mfe-bus/core';
import { useEffect } from 'react';
import { useBus } from './bus-context';
import { useLatest } from './internal/use-latest';

/** Registers a provider for the component's lifetime; requests always reach the latest `handler`. */
export function useProvide<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  handler: ProviderHandler<RequestParams<Key, Params>, RequestResult<Key, Result>>,
  options: ProvideOptions = {},
): void {
  const bus = useBus();
  const latest = useLatest(handler);
  const { ttlMs } = options;

  useEffect(
    () =>
      bus.provide<Result, Params, Key>(
        key,
        (params, context) => latest.current(params, context),
        ttlMs === undefined ? {} : { ttlMs },
      ),
    [bus, key, ttlMs, latest],
  );
}
