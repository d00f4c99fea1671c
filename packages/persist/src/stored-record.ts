import { migrate } from './migrate';
import type { PersistOptions, StoredRecord } from './types';

/** A stored value, ready for the bus: `rewrite` when migrations changed it, so it is written back once. */
export interface Decoded {
  value: unknown;
  rewrite: boolean;
}

export const encode = (value: unknown, version: number): string =>
  JSON.stringify({ v: version, at: Date.now(), value } satisfies StoredRecord);

/**
 * The value stored in `text`, migrated to `version`; `undefined` when nothing is stored or it expired.
 * Throws when it cannot be read (not JSON, not a record, no way to migrate it).
 */
export function decode(
  text: string | null,
  { version = 1, migrate: migrations = {}, ttlMs }: Pick<PersistOptions, 'version' | 'migrate' | 'ttlMs'>,
): Decoded | undefined {
  if (text === null) return undefined;
  const record = JSON.parse(text) as Partial<StoredRecord> | null;
  if (typeof record?.v !== 'number' || typeof record.at !== 'number' || !('value' in record)) {
    throw new TypeError('not a { v, at, value } record');
  }
  if (ttlMs !== undefined && Date.now() - record.at > ttlMs) return undefined;
  return { value: migrate(record.value, record.v, version, migrations), rewrite: record.v !== version };
}
