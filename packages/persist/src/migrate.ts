import type { Migration } from './types';

/** Runs the migrations from version `from` up to `to`, in order; throws when one is missing or fails. */
export function migrate(value: unknown, from: number, to: number, migrations: Readonly<Record<number, Migration>>) {
  if (from > to) throw new RangeError(`stored with version ${from}, newer than ${to}`);
  let migrated = value;
  for (let version = from + 1; version <= to; version++) {
    const step = migrations[version];
    if (!step) throw new RangeError(`no migration to version ${version}`);
    migrated = step(migrated);
  }
  return migrated;
}
