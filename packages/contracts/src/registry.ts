import type { PluginTools, Source } from '@mfe-bus/core';
import type { ContractKind, Owner } from './types';

/** A key some `installContracts` call defined on a bus (the first definition of a key is the one checked). */
export interface Definition {
  kind: ContractKind;
  key: string;
  version: string | undefined;
  owner: Owner | undefined;
  app: Source;
  /** The installation's way to report; it also tells apart the definitions of one installation. */
  report: PluginTools['report'];
}

/** An app stated which versions of a key it works with. */
export interface Expectation {
  app: Source;
  key: string;
  range: string;
}

/**
 * What the copies of this package on a page know about one bus: the shell's copy installs contracts, a
 * remote's copy states the versions it expects, and they meet here. Copies of other versions read it too,
 * so its shape may only grow. The version parts are created by the first `expectVersions`, so a page that
 * never states versions does not ship the code that checks them.
 */
export interface Registry {
  definitions: Definition[];
  expectations?: Expectation[];
  /** Version mismatches already reported, by key and app. */
  told?: Set<string>;
  /** Checks the expectations against the definitions; installations call it after they define keys. */
  checkVersions?: () => void;
}

const SLOT = Symbol.for('mfe-bus/contracts');

/** The registry of `bus`, shared by every copy of this package on the page. */
export function registryOf(bus: object): Registry {
  const page = globalThis as { [SLOT]?: WeakMap<object, Registry> };
  if (!(page[SLOT] instanceof WeakMap)) page[SLOT] = new WeakMap();
  const registry = page[SLOT].get(bus) ?? { definitions: [] };
  page[SLOT].set(bus, registry);
  return registry;
}
