import { type Bus, type Cleanup, toCleanup } from '@mfe-bus/core';
import { observeOf } from '../internal/observe-of';
import type { TimelineEntry } from './entries';
import { redactSecrets } from './redact';
import { createTimeline } from './timeline';
import { readTimelineFile, writeTimelineFile } from './timeline-file';

export interface RecordOptions {
  /** Entries kept; the oldest go first. Default 1000. */
  limit?: number;
  /**
   * Returns the entry to keep, with payload fields dropped or masked. Runs once per entry, when it is made.
   * Default: `redactSecrets` (masks keys named like token, password, secret, authorization).
   */
  redact?: (entry: TimelineEntry) => TimelineEntry;
}

export interface Recorder {
  /** Oldest first. A request entry keeps gaining steps while its call goes on. */
  entries(): TimelineEntry[];
  /** Calls `listener` after every change of the entries (added, updated, cleared, imported). */
  subscribe(listener: () => void): Cleanup;
  clear(): void;
  /** Stops recording (and observing) until `resume()`. */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  /** The entries as JSON a person can attach to a bug report (see `TimelineFile`). */
  export(): string;
  /** Replaces the entries with an exported timeline, to view it offline; pauses recording. */
  import(json: string): void;
  /** Stops observing for good; listeners are dropped. */
  stop(): void;
}

/** Records what happens on `bus` into a bounded timeline (see `TimelineEntry`). */
export function record(bus: Bus, { limit = 1000, redact = redactSecrets }: RecordOptions = {}): Recorder {
  const observe = observeOf(bus);
  const timeline = createTimeline(limit, redact);
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  let stopObserving: Cleanup | undefined;
  let stopped = false;
  const observing = (on: boolean) => {
    if (on && !stopObserving && !stopped) {
      stopObserving = observe((busRecord) => {
        if (timeline.add(busRecord)) changed();
      });
    } else if (!on && stopObserving) {
      stopObserving();
      stopObserving = undefined;
    }
  };
  observing(true);

  return {
    entries: timeline.entries,
    subscribe(listener) {
      listeners.add(listener);
      return toCleanup(() => listeners.delete(listener));
    },
    clear() {
      timeline.load([]);
      changed();
    },
    pause() {
      observing(false);
      changed();
    },
    resume() {
      observing(true);
      changed();
    },
    get paused() {
      return !stopObserving;
    },
    export: () => writeTimelineFile(timeline.entries()),
    import(json) {
      const entries = readTimelineFile(json);
      observing(false);
      timeline.load(entries);
      changed();
    },
    stop() {
      stopped = true;
      observing(false);
      listeners.clear();
    },
  };
}
