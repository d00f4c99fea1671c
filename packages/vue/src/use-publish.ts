import type { BusApi } from '@mfe-bus/core';
import { useBus } from './use-bus';

/** The bus's `publish`, typed from the catalogue: `const publish = usePublish(); publish('cart:updated', p)`. */
export function usePublish(): BusApi['publish'] {
  return useBus().publish;
}
