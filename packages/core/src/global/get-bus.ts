import { createBus, DEFAULT_OPTIONS } from '../bus/create-bus';
import { ProtocolMismatchError } from '../errors';
import type { Bus, BusOptions } from '../types';
import { PROTOCOL, protocolMajor, VERSION } from '../version';

/** Where the page-wide bus lives. A registry symbol, so every copy of the library finds the same one. */
export const GLOBAL_KEY: unique symbol = Symbol.for('mfe-bus') as never;

/** What is stored under `GLOBAL_KEY`. Fields are only ever added (protocol minor bumps), never changed. */
export interface BusRecord {
  protocol: string;
  version: string;
  bus: Bus;
  /** The options the creator passed; later `getBus(options)` calls cannot change them. */
  options: BusOptions;
}

type Registry = { [GLOBAL_KEY]?: Partial<BusRecord> };

// This copy's own bus when the page-wide one speaks an incompatible protocol.
let isolatedBus: Bus | undefined;

/**
 * The page-wide bus, shared by every app and every copy of the library on the page. The first caller
 * creates it with its options; later callers get the same bus and their options are ignored (debug mode
 * warns when they differ). Without `window` (server rendering) every call returns a fresh bus, so no
 * state leaks from one server request to the next.
 */
export function getBus(options?: BusOptions): Bus {
  if (typeof window === 'undefined') return createBus(options);
  const registry = globalThis as Registry;
  const record = registry[GLOBAL_KEY];
  if (record === undefined || record.bus?.destroyed) return install(registry, options);
  if (
    typeof record.protocol !== 'string' ||
    protocolMajor(record.protocol) !== protocolMajor(PROTOCOL) ||
    !record.bus
  ) {
    return isolate(record, options);
  }
  if (options) warnIfOptionsDiffer(record as BusRecord, options);
  return record.bus;
}

function install(registry: Registry, options: BusOptions | undefined): Bus {
  const record: BusRecord = { protocol: PROTOCOL, version: VERSION, bus: createBus(options), options: options ?? {} };
  // Not writable: a stray assignment cannot swap the bus under other apps. Configurable, so a destroyed
  // bus can be replaced.
  Object.defineProperty(registry, GLOBAL_KEY, { value: Object.freeze(record), configurable: true, writable: false });
  return record.bus;
}

function isolate(record: Partial<BusRecord>, options: BusOptions | undefined): Bus {
  if (isolatedBus && !isolatedBus.destroyed) return isolatedBus;
  const error = new ProtocolMismatchError(
    { protocol: String(record.protocol), version: String(record.version) },
    { protocol: PROTOCOL, version: VERSION },
  );
  console.error(`[mfe-bus] ${error.message}`);
  isolatedBus = createBus(options);
  return isolatedBus;
}

const COMPARED = ['replayWindowMs', 'replayLimit', 'requestTimeoutMs', 'onError'] as const;

function warnIfOptionsDiffer(record: BusRecord, options: BusOptions): void {
  if (!(options.debug || record.bus.debug())) return;
  const differing = COMPARED.filter(
    (name) =>
      options[name] !== undefined &&
      options[name] !== (record.options[name] ?? DEFAULT_OPTIONS[name as keyof typeof DEFAULT_OPTIONS]),
  );
  if (differing.length === 0) return;
  console.warn(
    `[mfe-bus] getBus() options ignored (${differing.join(', ')}): the page-wide bus was already created by ` +
      `mfe-bus ${record.version} with other options. The first caller's options win; pass them from the shell.`,
  );
}
