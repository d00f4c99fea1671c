import type { BusApi } from '@mfe-bus/core';
import { useBus } from './bus-context';

/** The bus's `publish` (its app's, under `BusProvider app`): the same function for a given bus, safe in effect dependencies. */
export function usePublish(): BusApi['publish'] {
  return useBus().publish;
}
