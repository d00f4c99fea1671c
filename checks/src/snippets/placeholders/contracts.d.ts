// What the contracts README's blocks leave to the app, and what its quick start defines.
import type { ScopedBus } from '@mfe-bus/core';

declare global {
  /** The contracts of the quick start's contracts.ts. */
  const contracts: typeof import('./contracts').contracts;
  /** An app's scope, `bus.scope('cart')`. */
  const cart: ScopedBus;
}
