// What README blocks use without declaring it, in every README: the page-wide bus an app already holds.
import type { Bus } from '@mfe-bus/core';

declare global {
  /** `getBus()`, as every block after a README's first one calls it. */
  const bus: Bus;
}
