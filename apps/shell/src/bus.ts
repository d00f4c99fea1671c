import { type Bus, getBus } from '@mfe-bus/core';
import type {} from '@mfe-bus-demo/contracts';

/**
 * The shell loads first, so it creates the page-wide bus and its options win. A long replay window lets a
 * remote that loads seconds late still see the last `auth:token-refreshed` event; a long request timeout
 * lets `user:permissions` requests wait for a provider registered late (`?permissionsDelay=`).
 */
export const pageBus = getBus({ replayWindowMs: 30_000, requestTimeoutMs: 30_000 });

declare global {
  interface Window {
    /** The page-wide bus, for the console: this demo only. Any page: `globalThis[Symbol.for('mfe-bus')].bus`. */
    mfeBus: Bus;
  }
}
window.mfeBus = pageBus;

/** The shell's own calls, attributed to the app `shell` (in `inspect().apps` and the devtools timeline). */
export const bus = pageBus.scope('shell');
