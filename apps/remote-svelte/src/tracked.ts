import { getBus } from '@mfe-bus/svelte';
import { trackBus } from '@mfe-bus-demo/contracts';

/** Every store and registration of this remote goes through this wrapper, which counts what it holds. */
export const tracked = trackBus(getBus());
export const bus = tracked.bus;
