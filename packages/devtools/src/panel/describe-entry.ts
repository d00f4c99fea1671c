import type { ChurnEntry, TimelineEntry } from '../recorder/entries';
import { appName, duration, plural, preview } from './format';

function describeChurn({ changes }: ChurnEntry): string {
  const byChange = new Map<string, string[]>();
  for (const { change, name } of changes) byChange.set(change, [...(byChange.get(change) ?? []), name]);
  return [...byChange].map(([change, names]) => `${change} ${names.join(', ')}`).join(' · ');
}

/** The one line the timeline shows for an entry. */
export function describeEntry(entry: TimelineEntry): string {
  switch (entry.type) {
    case 'publish': {
      const receivers = entry.receiverApps.length ? entry.receiverApps.map(appName).join(', ') : 'nobody';
      const replayed = entry.replayedTo.length ? ` (+${entry.replayedTo.length} replayed)` : '';
      return `${entry.topic} → ${receivers}${replayed}`;
    }
    case 'state':
      return `${entry.key}: ${preview(entry.previous, 30)} → ${preview(entry.next, 30)}`;
    case 'request': {
      const joined = entry.steps.filter(({ step }) => step === 'joined').length;
      const shared = joined ? `, ${plural(joined + 1, 'requester')}` : '';
      // A request without params shows its key alone (not "undefined").
      const params = entry.params === undefined ? '' : ` ${preview(entry.params, 30)}`;
      return `${entry.key}${params}: ${entry.status} ${duration(entry.durationMs)}${shared}`;
    }
    case 'provide':
    case 'unprovide':
      return `${entry.type === 'provide' ? 'provides' : 'stops providing'} ${entry.key} (${entry.registered} registered)`;
    case 'churn':
      return describeChurn(entry);
    case 'listener-error':
      return `${entry.kind} of ${entry.name} threw: ${entry.error.message}`;
    case 'dispose': {
      const { subscribers, watchers, providers, pending } = entry.kept;
      const kept = subscribers + watchers + providers + pending;
      return `disposed its scope: ${plural(entry.removed, 'registration')} removed, ${kept} still held`;
    }
    default:
      return `${entry.name ?? entry.report}: ${entry.error.message}`;
  }
}
