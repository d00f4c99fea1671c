import type {
  BusRecord,
  DisposeRecord,
  ListenerErrorRecord,
  ProvideRecord,
  ReportRecord,
  RequestRecord,
  StateRecord,
} from '@mfe-bus/core';
import type { PublishEntry, RequestEntry, TimelineEntry } from './entries';
import { addProvidedStep, addRequestStep, requestEntry } from './request-steps';
import { createRing } from './ring';

/** The recorder's memory: a bounded list of entries built from `observe` records. */
export interface Timeline {
  /** Applies one record; returns false when it changed nothing. */
  add(record: BusRecord): boolean;
  entries(): TimelineEntry[];
  /** Replaces every entry (the newest `limit` are kept). */
  load(entries: TimelineEntry[]): void;
}

export function createTimeline(limit: number, redact: (entry: TimelineEntry) => TimelineEntry): Timeline {
  const ring = createRing<TimelineEntry>(limit);
  // Entries that later records still update, by publish seq and by call; dropped with the entry.
  const publishes = new Map<number, PublishEntry>();
  const calls = new Map<number, RequestEntry>();
  let nextId = 1;

  const append = (entry: TimelineEntry) => {
    const stored = redact(entry);
    if (stored.type === 'publish') publishes.set(stored.seq, stored);
    if (stored.type === 'request' && stored.call) calls.set(stored.call, stored);
    const dropped = ring.push(stored);
    if (dropped?.type === 'publish') publishes.delete(dropped.seq);
    if (dropped?.type === 'request' && calls.get(dropped.call) === dropped) calls.delete(dropped.call);
    return true;
  };

  return {
    add(record) {
      if (record.type.startsWith('request:')) {
        const request = record as RequestRecord;
        const entry = calls.get(request.call);
        if (!entry) return append(requestEntry(nextId++, request));
        addRequestStep(entry, request);
        if (entry.status === 'settled' || entry.status === 'failed') calls.delete(entry.call);
        return true;
      }
      switch (record.type) {
        // Entries copy records with Object.assign: V8 (Node 20) copies a record spread into a literal with more
        // fields about ten times slower, and a publish is the hot path.
        case 'publish':
          return append(Object.assign({ id: nextId++, replayedTo: [] }, record));
        case 'replay':
          return record.seqs.filter((seq) => publishes.get(seq)?.replayedTo.push(record.source)).length > 0;
        case 'subscribe':
        case 'unsubscribe':
        case 'watch':
        case 'unwatch': {
          // Changes of one app in a row (a mount, an unmount) make one entry.
          const change = { change: record.type, name: 'topic' in record ? record.topic : record.key };
          const last = ring.last();
          if (last?.type === 'churn' && last.source === record.source) return last.changes.push(change) > 0;
          const { timestamp, source } = record;
          return append({ type: 'churn', id: nextId++, timestamp, source, changes: [change] });
        }
        case 'provide':
          for (const entry of calls.values()) {
            if (entry.key === record.key && entry.status === 'waiting') {
              addProvidedStep(entry, record.timestamp, record.source);
            }
          }
          return append(Object.assign({ id: nextId++ }, record));
        default:
          // state, unprovide, listener-error, report, dispose
          return append(
            Object.assign(
              { id: nextId++ },
              record as StateRecord | ProvideRecord | ListenerErrorRecord | ReportRecord | DisposeRecord,
            ),
          );
      }
    },
    entries: () => ring.toArray(),
    load(entries) {
      ring.clear();
      publishes.clear();
      calls.clear();
      for (const entry of entries) ring.push(entry);
      nextId = Math.max(nextId, ...entries.map((entry) => entry.id + 1));
    },
  };
}
