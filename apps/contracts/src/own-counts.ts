import type { BusSnapshot } from '@mfe-bus/core';
import type { RemoteName } from './catalogue';

/** Live registrations one remote holds on the page-wide bus. */
export interface OwnCounts {
  subscribers: number;
  watchers: number;
  providers: number;
}

/**
 * What `remote` holds, from `inspect().apps`: each remote names its app once through its binding, so the
 * bus attributes its registrations to it. An app holding nothing is left out of `apps`: zeros then.
 */
export function ownCounts({ apps }: BusSnapshot, remote: RemoteName): OwnCounts {
  const own = apps.find(({ app }) => app === remote);
  return { subscribers: own?.subscribers ?? 0, watchers: own?.watchers ?? 0, providers: own?.providers ?? 0 };
}

const total = (counts: OwnCounts) => counts.subscribers + counts.watchers + counts.providers;

/** The remotes' "Bus listeners" line: their own registrations next to the whole page's. */
export function listenerSummary(snapshot: BusSnapshot, remote: RemoteName): string {
  return `${total(ownCounts(snapshot, remote))} own · ${total(snapshot.counts)} on the page`;
}
