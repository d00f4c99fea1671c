import type { Source } from '@mfe-bus/core';
import type { StateEntry } from './envelope';

// A tie goes to the older writer: writer ids sort by when their bridge was made.
const newer = (entry: StateEntry, held: StateEntry | undefined) =>
  !held || entry[2] > held[2] || (entry[2] === held[2] && entry[3] < held[3]);

/**
 * Last writer wins, by a logical (Lamport) clock rather than wall time: each write of a shared key is stamped
 * with this side's clock, one past anything it has seen, and its writer id. Every side keeps the newest entry
 * per key (deletes included: an `undefined` value), so all sides converge.
 *
 * Until this side has heard from another (its first snapshot), its writes are stamped 0: values held before
 * two sides met (a new tab's defaults, what a frame wrote while it loaded) have no order, and the older bridge's
 * win, so a new tab or a reloaded frame takes the state it joins instead of resetting it. Writes the two sides
 * make concurrently afterwards (the same clock) go to the older bridge too.
 */
export function createClock(writer: string) {
  let time = 0;
  let met = false;
  const held = new Map<string, StateEntry>();
  const see = (other: number) => {
    time = Math.max(time, other);
  };
  return {
    time: () => time,
    /** Another side's snapshot arrived, with its clock: from now on this side's writes are ordered. */
    meet(other: number): void {
      met = true;
      see(other);
    },
    holds: (key: string) => held.has(key),
    /** A write made on this side: stamped newer than anything seen. */
    write(key: string, value: unknown, source: Source): StateEntry {
      const entry: StateEntry = [key, value, met ? ++time : 0, writer, source];
      held.set(key, entry);
      return entry;
    },
    /** True when another side's `entry` is newer than what is held for its key. */
    isNewer(entry: StateEntry): boolean {
      see(entry[2]);
      return newer(entry, held.get(entry[0]));
    },
    hold(entry: StateEntry): void {
      held.set(entry[0], entry);
    },
    entries: (keys: readonly string[]) =>
      keys.map((key) => held.get(key)).filter((entry): entry is StateEntry => entry !== undefined),
  };
}

export type Clock = ReturnType<typeof createClock>;
