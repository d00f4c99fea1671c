import type { BusApi, Cleanup } from '@mfe-bus/core';
import type { LiveOptions } from './types';

export interface TokenSource {
  /** Asks the bus for a token, skipping any cached answer (a refresh has just made it stale). */
  get(): Promise<string | undefined>;
  /** Calls `refreshed` on every token refresh event; held for the connection's whole life. */
  watch(refreshed: () => void): Cleanup;
}

/** Where the connection's token comes from, if `auth` is on; `bus` is the connection's scope. */
export function tokenSource(bus: BusApi, auth: LiveOptions['auth']): TokenSource | undefined {
  if (!auth) return undefined;
  const { request = 'auth:token', refreshed = 'auth:token-refreshed' } = auth === true ? {} : auth;
  return {
    get: () =>
      bus.request(request, undefined, { fresh: true }).then((token) => (typeof token === 'string' ? token : undefined)),
    // A refresh that happened before this connection existed is not one to act on: no replay.
    watch: (listener) => bus.subscribe(refreshed, () => listener(), { replay: false }),
  };
}
