import type { TimelineEntry } from '../recorder/entries';

/** The kinds the timeline shows and filters by. */
export const KINDS = ['publish', 'state', 'request', 'provide', 'churn', 'error', 'violation', 'report'] as const;
export type Kind = (typeof KINDS)[number];

export function kindOf(entry: TimelineEntry): Kind {
  switch (entry.type) {
    case 'unprovide':
      return 'provide';
    case 'dispose':
      return 'churn';
    case 'listener-error':
      return 'error';
    case 'report':
      return entry.report === 'violation' ? 'violation' : 'report';
    default:
      return entry.type;
  }
}

/** The topic, state key or request key an entry is about ('' for churn). */
export function nameOf(entry: TimelineEntry): string {
  if (entry.type === 'publish') return entry.topic;
  if (entry.type === 'churn') return entry.changes.map((change) => change.name).join(' ');
  if ('key' in entry) return entry.key;
  return 'name' in entry ? (entry.name ?? '') : '';
}
