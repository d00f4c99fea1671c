import type { Bus } from '@mfe-bus/core';

/** `bus.observe`, or a clear error for a bus created by a protocol 1.0 copy (mfe-bus 0.1.x), which lacks it. */
export function observeOf(bus: Bus): Bus['observe'] {
  if (typeof bus.observe !== 'function') {
    throw new TypeError('mfe-bus devtools: no bus.observe (the shell needs @mfe-bus/core 0.2+)');
  }
  return bus.observe.bind(bus);
}
