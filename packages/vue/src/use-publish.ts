import type { Bus } from '@mfe-bus/core';
import { useBus } from './use-bus';

/** The bus's `publish`, typed from the catalogue: `const publish = usePublish(); publish('cart:updated', p)`. */
export function usePublish(): Bus['publish'] {
  return useBus().publish;
}
