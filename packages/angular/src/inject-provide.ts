import { NgZone } from '@angular/core';
import type { Cleanup, ProvideOptions, ProviderHandler, RequestParams, RequestResult } from '@mfe-bus/core';
import { callerInjector } from './internal/caller-injector';
import { cleanupOnDestroy } from './internal/cleanup-on-destroy';
import { inZone } from './internal/in-zone';
import { MfeBus } from './mfe-bus.service';
import type { InjectOptions } from './types';

export type InjectProvideOptions = ProvideOptions & InjectOptions;

/**
 * Answers requests for `key` (the handler runs inside Angular's zone; `context.signal` aborts when every
 * requester gave up) until the caller's injector is destroyed or the returned cleanup is called.
 */
export function injectProvide<Result = unknown, Params = unknown, Key extends string = string>(
  key: Key,
  handler: ProviderHandler<RequestParams<Key, Params>, RequestResult<Key, Result>>,
  options: InjectProvideOptions = {},
): Cleanup {
  const { injector: given, ...provideOptions } = options;
  const injector = callerInjector(injectProvide, given);
  const bus = injector.get(MfeBus);
  const zoned = inZone(injector.get(NgZone), handler);
  return cleanupOnDestroy(injector, () => bus.provide<Result, Params, Key>(key, zoned, provideOptions));
}
