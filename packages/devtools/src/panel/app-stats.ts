import type { AppSnapshot, Source } from '@mfe-bus/core';
import type { DisposeEntry, RequestEntry, TimelineEntry } from '../recorder/entries';

export interface AppStats {
  app: Source;
  /** Live registrations from `inspect()` (zeros once the app holds nothing). */
  live: AppSnapshot;
  /** When the timeline first saw the app. */
  firstSeen: number | undefined;
  listenerErrors: number;
  /** How long the calls it served took (median and p95, ms), from start to answer. */
  served: { count: number; median: number; p95: number } | undefined;
  /** Why its registrations look leaked, if they do. */
  leak: string | undefined;
}

/** Nearest-rank percentile of ascending `sorted` values. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;

/** Time a provider spent on a call: its whole duration minus the wait for a provider. */
function servedMs(entry: RequestEntry): number {
  const started = entry.steps.find(({ step }) => step === 'started');
  return entry.durationMs - (started?.durationMs ?? 0);
}

/** +1 / -1 per registration an entry adds or removes for its app. */
function registrationDelta(entry: TimelineEntry): number[] {
  if (entry.type === 'provide') return [1];
  if (entry.type === 'unprovide') return [-1];
  if (entry.type !== 'churn') return [];
  return entry.changes.map(({ change }) => (change === 'subscribe' || change === 'watch' ? 1 : -1));
}

/**
 * Registrations left after each unmount (a run of removals with no addition in between), counted back from
 * what the app holds now. Growing counts mean every remount leaves something behind.
 */
function leftAfterUnmounts(entries: TimelineEntry[], app: Source, holdsNow: number): number[] {
  const levels: number[] = [];
  let level = 0;
  let removing = false;
  for (const entry of entries) {
    if (entry.source !== app) continue;
    for (const delta of registrationDelta(entry)) {
      if (delta > 0 && removing) levels.push(level);
      removing = delta < 0;
      level += delta;
    }
  }
  if (removing) levels.push(level);
  return levels.map((left) => left + holdsNow - level);
}

function leakOf(left: number[], afterDispose: DisposeEntry | undefined): string | undefined {
  const kept = afterDispose ? registrations(afterDispose.kept) : 0;
  const first = left[0] ?? 0;
  const last = left[left.length - 1] ?? 0;
  const reasons = [
    kept > 0 ? `keeps ${kept} registration${kept === 1 ? '' : 's'} after dispose()` : '',
    left.length > 1 && last > first
      ? `registrations grow across remounts: ${left.join(' → ')} left after each unmount`
      : '',
  ].filter(Boolean);
  return reasons.length ? reasons.join('; ') : undefined;
}

const registrations = (held: Omit<AppSnapshot, 'app'>) => held.subscribers + held.watchers + held.providers;

/** The app's last dispose, if nothing was registered for it after that. */
function lastDispose(entries: TimelineEntry[], app: Source): DisposeEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as TimelineEntry;
    if (entry.source !== app) continue;
    if (entry.type === 'dispose') return entry;
    if (registrationDelta(entry).some((delta) => delta > 0)) return undefined;
  }
  return undefined;
}

/** Per app (live ones and those the timeline saw), what the Apps view shows. */
export function appStats(entries: TimelineEntry[], liveApps: AppSnapshot[]): AppStats[] {
  const apps = new Set<Source>([...liveApps.map(({ app }) => app), ...entries.map(({ source }) => source)]);
  return [...apps].map((app) => {
    const live = liveApps.find((snapshot) => snapshot.app === app) ?? {
      app,
      subscribers: 0,
      watchers: 0,
      providers: 0,
      pending: 0,
    };
    const served = entries
      .filter(
        (entry): entry is RequestEntry =>
          entry.type === 'request' &&
          entry.provider === app &&
          (entry.status === 'settled' || entry.status === 'failed'),
      )
      .map(servedMs)
      .sort((a, b) => a - b);
    return {
      app,
      live,
      firstSeen: entries.find((entry) => entry.source === app)?.timestamp,
      listenerErrors: entries.filter((entry) => entry.type === 'listener-error' && entry.source === app).length,
      served: served.length
        ? { count: served.length, median: percentile(served, 0.5), p95: percentile(served, 0.95) }
        : undefined,
      leak: leakOf(leftAfterUnmounts(entries, app, registrations(live)), lastDispose(entries, app)),
    };
  });
}
