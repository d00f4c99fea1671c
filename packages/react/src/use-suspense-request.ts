import type { RequestParams, RequestResult } from '@mfe-bus/core';
import * as React from 'react';
import { useEffect } from 'react';
import { useBus } from './bus-context';
import { releaseWhenUnused, suspenseEntry } from './internal/suspense-cache';
import type { UseRequestArgs } from './use-request';

// Read at call time: React 18 has no `use`, and a named import would fail to link there.
const reactUse = (React as { use?: <T>(promise: Promise<T>) => T }).use;

/**
 * React 19: suspends until `key` answers for `params`, then returns the result; errors (timeouts
 * included) go to the nearest error boundary. Components asking for the same bus, key and params (by
 * value) share one promise while any of them is mounted.
 */
export function useSuspenseRequest<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  ...[params, options = {}]: UseRequestArgs<RequestParams<Key, Params>>
): RequestResult<Key, Result> {
  if (!reactUse) throw new Error('[mfe-bus] useSuspenseRequest needs React 19 (React.use); use useRequest instead');
  const bus = useBus();
  const entry = suspenseEntry(bus, key, params, options);
  useEffect(() => {
    entry.users++;
    return () => {
      entry.users--;
      releaseWhenUnused(bus, entry);
    };
  }, [bus, entry]);
  return reactUse(entry.promise) as RequestResult<Key, Result>;
}
