import type { Cleanup, ProvideOptions, ProviderHandler, RequestParams, RequestResult } from '@mfe-bus/core';
import { stopWithScope } from './scope';
import { useBus } from './use-bus';

/** Answers requests for `key` while the scope lives. Returns the stop handle. */
export function useProvide<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  handler: ProviderHandler<RequestParams<Key, Params>, RequestResult<Key, Result>>,
  options?: ProvideOptions,
): Cleanup {
  const stop = useBus().provide<Result, Params, Key>(key, handler, options);
  stopWithScope(stop, 'useProvide');
  return stop;
}
