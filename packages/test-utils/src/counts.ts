import type { BusSnapshot, Source } from '@mfe-bus/core';

export type Counts = BusSnapshot['counts'];

/** `inspect().counts` of a bus that holds nothing, and `appCounts` of an app that holds nothing. */
export const ZERO_COUNTS: Readonly<Counts> = Object.freeze({ subscribers: 0, watchers: 0, providers: 0, pending: 0 });

/** What `app` holds on the bus, from `inspect().apps` (which leaves out apps holding nothing: zeros then). */
export function appCounts(bus: { inspect(): BusSnapshot }, app: Source): Counts {
  const entry = bus.inspect().apps.find((snapshot) => snapshot.app === app);
  if (!entry) return { ...ZERO_COUNTS };
  const { subscribers, watchers, providers, pending } = entry;
  return { subscribers, watchers, providers, pending };
}
