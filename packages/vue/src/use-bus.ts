import { type BusApi, getBus } from '@mfe-bus/core';
import { hasInjectionContext, inject } from 'vue';
import { BUS_KEY } from './plugin';

/**
 * What the composables call: the bus provided by `MfeBusPlugin` (its app's scope when given `app`), or
 * the page-wide `getBus()` without the plugin or outside setup.
 */
export function useBus(): BusApi {
  return (hasInjectionContext() ? inject(BUS_KEY, null) : null) ?? getBus();
}
