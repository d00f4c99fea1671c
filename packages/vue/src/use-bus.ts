import { type Bus, getBus } from '@mfe-bus/core';
import { hasInjectionContext, inject } from 'vue';
import { BUS_KEY } from './plugin';

/** The bus provided by `MfeBusPlugin`, or the page-wide `getBus()` without the plugin or outside setup. */
export function useBus(): Bus {
  return (hasInjectionContext() ? inject(BUS_KEY, null) : null) ?? getBus();
}
