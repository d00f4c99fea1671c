import type { TimelineEntry } from '../recorder/entries';
import { kindOf, nameOf } from './entry-kind';
import { appName } from './format';

/** What the timeline shows; an empty field matches everything. */
export interface TimelineFilter {
  /** An app as `appName` shows it. */
  app: string;
  kind: string;
  /** Part of the topic or key. */
  name: string;
  /** Part of anything in the entry (payload included). */
  text: string;
}

/** Every app an entry involves: who made the call, received it, waited for it or served it. */
export function appsOf(entry: TimelineEntry): string[] {
  const apps = [entry.source];
  if (entry.type === 'publish') apps.push(...entry.receiverApps, ...entry.replayedTo);
  if (entry.type === 'request') apps.push(entry.provider, ...entry.steps.map((step) => step.app));
  return apps.map(appName);
}

export function matches(entry: TimelineEntry, { app, kind, name, text }: TimelineFilter): boolean {
  const includes = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());
  return (
    (!app || appsOf(entry).includes(app)) &&
    (!kind || kindOf(entry) === kind) &&
    (!name || includes(nameOf(entry), name)) &&
    (!text || includes(JSON.stringify(entry), text))
  );
}
