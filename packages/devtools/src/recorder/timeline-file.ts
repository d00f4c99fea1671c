import type { TimelineEntry } from './entries';

/** What `recorder.export()` writes: a file a person can attach to a bug report. */
export interface TimelineFile {
  format: 'mfe-bus-timeline';
  version: 1;
  /** `Date.now()` when it was exported. */
  exportedAt: number;
  entries: TimelineEntry[];
}

export function writeTimelineFile(entries: TimelineEntry[]): string {
  const file: TimelineFile = { format: 'mfe-bus-timeline', version: 1, exportedAt: Date.now(), entries };
  return JSON.stringify(file, null, 2);
}

/** The entries of an exported timeline; throws a TypeError for anything else. */
export function readTimelineFile(json: string): TimelineEntry[] {
  const file = JSON.parse(json) as Partial<TimelineFile> | null;
  if (file?.format !== 'mfe-bus-timeline' || file.version !== 1 || !Array.isArray(file.entries)) {
    throw new TypeError('not an mfe-bus timeline');
  }
  return file.entries;
}
