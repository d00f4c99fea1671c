/**
 * Where values are kept: `localStorage`, `sessionStorage` or any object with the same three methods. A
 * storage whose methods return promises (IndexedDB) is read asynchronously: see `hydrated`.
 */
export interface PersistStorage {
  getItem(name: string): string | null | Promise<string | null>;
  setItem(name: string, value: string): void | Promise<void>;
  removeItem(name: string): void | Promise<void>;
}

/** Turns a value stored under an older version into the next version's value. */
export type Migration = (old: unknown) => unknown;

export interface PersistOptions<Value = unknown> {
  /** Default `local` (`localStorage`). */
  storage?: 'local' | 'session' | PersistStorage;
  /** The shape's version, stored with the value. Default 1. */
  version?: number;
  /** `{ [toVersion]: (old) => new }`: run in order from the stored version up to `version`. */
  migrate?: Readonly<Record<number, Migration>>;
  /** A stored value older than this (ms since it was written) is dropped. */
  ttlMs?: number;
  /** What of the value to store (the rest is not persisted). Default: all of it. */
  select?: (value: Value) => unknown;
  /**
   * The value to use at hydration, from the stored one and the one already in memory. Default: the one in
   * memory if there is one, else the stored one. With `select`, put the stored part back here.
   */
  merge?: (stored: unknown, current: Value | undefined) => Value;
  /** Writes wait for this long without a change (ms); `pagehide` flushes them. Default 250. */
  debounceMs?: number;
  /**
   * The app persisting the key: it writes the stored value (so a contract owner may), and when contracts
   * give the key an owner, only that app may persist it.
   */
  app?: string;
}

/** What is stored under `mfe-bus:<key>`, as JSON. */
export interface StoredRecord {
  /** The version of the value's shape. */
  v: number;
  /** `Date.now()` when it was written. */
  at: number;
  value: unknown;
}
