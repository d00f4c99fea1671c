import { type CopyInfo, createBus, createBusFor, DEFAULT_OPTIONS } from '../bus/create-bus';
import { ProtocolMismatchError } from '../errors';
import type { Bus, BusOptions } from '../types';
import { PROTOCOL, protocolMajor, VERSION } from '../version';

/** Where the page-wide bus lives. A registry symbol, so every copy of the library finds the same one. */
export const GLOBAL_KEY: unique symbol = Symbol.for('mfe-bus') as never;

/** What is stored under `GLOBAL_KEY`. Fields are only ever added (protocol minor bumps), never changed. */
export interface BusRegistryEntry {
  protocol: string;
  version: string;
  bus: Bus;
  /** The options the creator passed; later `getBus(options)` calls cannot change them. */
  options: BusOptions;
  /** Every library copy that attached, the creator first (protocol 1.1; absent on a 1.0 entry). */
  copies?: CopyInfo[];
}

type Registry = { [GLOBAL_KEY]?: Partial<BusRegistryEntry> | null };

const OWN: CopyInfo = { version: VERSION, protocol: PROTOCOL };
const ownMinor = Number.parseInt(PROTOCOL.split('.')[1] ?? '0', 10);

// This copy's own bus when the page-wide one cannot be used.
let isolatedBus: Bus | undefined;
// The entry this copy listed itself in, and whether it already said that the bus is older than itself.
let listedIn: object | undefined;
let toldOlder = false;

/**
 * The page-wide bus, shared by every app and every copy of the library on the page. The first caller
 * creates it with its options; later callers get the same bus and their options are ignored (debug mode
 * warns when they differ). Without `window` (server rendering) every call returns a fresh bus, so no
 * state leaks from one server request to the next. Never throws: when the page-wide entry is unusable
 * it reports once on the console and hands back an isolated bus.
 */
export function getBus(options?: BusOptions): Bus {
  if (typeof window === 'undefined') return createBus(options);
  try {
    return attach(globalThis as Registry, options);
  } catch (error) {
    return isolate(
      `[mfe-bus] the page-wide bus at globalThis[Symbol.for('mfe-bus')] cannot be used or replaced (${String(error)}); this copy (mfe-bus ${VERSION}) works on an isolated bus.`,
      options,
    );
  }
}

function attach(registry: Registry, options: BusOptions | undefined): Bus {
  const entry = registry[GLOBAL_KEY];
  if (typeof entry !== 'object' || entry === null) return install(registry, options);
  const { bus, protocol, version } = entry;
  if (bus && typeof bus === 'object' && bus.destroyed === true) return install(registry, options);
  if (!bus || typeof protocol !== 'string' || protocolMajor(protocol) !== protocolMajor(PROTOCOL)) {
    const error = new ProtocolMismatchError({ protocol: String(protocol), version: String(version) }, OWN);
    return isolate(`[mfe-bus] ${error.message}`, options);
  }
  if (listedIn !== entry && Array.isArray(entry.copies)) {
    entry.copies.push({ ...OWN });
    listedIn = entry;
  }
  if (Number.parseInt(protocol.split('.')[1] ?? '0', 10) < ownMinor) tellOlder(protocol, String(version));
  if (options) warnIfOptionsDiffer(entry as BusRegistryEntry, options);
  return bus;
}

function install(registry: Registry, options: BusOptions | undefined): Bus {
  const copies = [{ ...OWN }];
  const entry: BusRegistryEntry = { ...OWN, bus: createBusFor(options ?? {}, copies), options: options ?? {}, copies };
  // Not writable: a stray assignment cannot swap the bus under other apps. Configurable, so a destroyed
  // bus can be replaced.
  Object.defineProperty(registry, GLOBAL_KEY, { value: Object.freeze(entry), configurable: true, writable: false });
  listedIn = entry;
  return entry.bus;
}

function isolate(message: string, options: BusOptions | undefined): Bus {
  if (isolatedBus && !isolatedBus.destroyed) return isolatedBus;
  console.error(message);
  isolatedBus = createBus(options);
  return isolatedBus;
}

function tellOlder(protocol: string, version: string): void {
  if (toldOlder) return;
  toldOlder = true;
  console.warn(
    `[mfe-bus] the page-wide bus was created by mfe-bus ${version} (protocol ${protocol}); this copy is mfe-bus ` +
      `${VERSION} (protocol ${PROTOCOL}). Publish, subscribe, state and requests work; scope(), observe(), use() ` +
      `and onDemand() need a bus created by protocol ${PROTOCOL} or later: update @mfe-bus/core in the app that ` +
      'loads first (the shell).',
  );
}

const COMPARED = ['replayWindowMs', 'replayLimit', 'requestTimeoutMs', 'onError'] as const;

function warnIfOptionsDiffer(entry: BusRegistryEntry, options: BusOptions): void {
  if (!(options.debug || entry.bus.debug())) return;
  const differing = COMPARED.filter(
    (name) =>
      options[name] !== undefined &&
      options[name] !== (entry.options?.[name] ?? DEFAULT_OPTIONS[name as keyof typeof DEFAULT_OPTIONS]),
  );
  if (differing.length === 0) return;
  console.warn(
    `[mfe-bus] getBus() options ignored (${differing.join(', ')}): the page-wide bus was already created by ` +
      `mfe-bus ${entry.version} with other options. The first caller's options win; pass them from the shell.`,
  );
}
