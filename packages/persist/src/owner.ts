import type { Bus, Source } from '@mfe-bus/core';

/** The part of @mfe-bus/contracts' page-wide registry read here: who owns which key (its shape only grows). */
interface ContractsRegistry {
  definitions?: readonly { kind: string; key: string; owner?: string | readonly string[] }[];
}

const CONTRACTS = Symbol.for('mfe-bus/contracts');
const PERSISTED = Symbol.for('mfe-bus/persist');

type Page = {
  [CONTRACTS]?: WeakMap<object, ContractsRegistry>;
  [PERSISTED]?: WeakMap<object, Map<string, Source>>;
};

/** The keys persisted on `bus` and by which app, shared by every copy of this package on the page. */
function persistedOn(bus: Bus): Map<string, Source> {
  const page = globalThis as Page;
  page[PERSISTED] ??= new WeakMap();
  const keys = page[PERSISTED].get(bus) ?? new Map<string, Source>();
  page[PERSISTED].set(bus, keys);
  return keys;
}

/**
 * Records that `app` persists `key` on `bus`, or says why it may not: contracts give the key another owner,
 * or another app (or this one, twice) already persists it.
 */
export function claim(bus: Bus, key: string, app: Source): string | undefined {
  const definition = (globalThis as Page)[CONTRACTS]
    ?.get(bus)
    ?.definitions?.find((entry) => entry.kind === 'state' && entry.key === key);
  const owners = definition?.owner === undefined ? [] : [definition.owner].flat();
  if (owners.length && !owners.includes(app as string)) return `only its owner (${owners}) persists "${key}"`;
  const keys = persistedOn(bus);
  if (keys.has(key)) return `"${key}" is persisted twice (by ${keys.get(key) ?? 'the bus'} first)`;
  keys.set(key, app);
  return undefined;
}

export const release = (bus: Bus, key: string) => persistedOn(bus).delete(key);
