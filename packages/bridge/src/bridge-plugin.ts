import type { Bus, Cleanup, PluginTools, Source } from '@mfe-bus/core';
import { BridgeError, type DropReason } from './bridge-error';
import { assertCloneable } from './cloneable';
import { covers, type Lanes } from './share';

export interface DropOptions {
  source?: Source;
  /** The window origin a message came from. */
  origin?: string;
  /** The error to report instead of a `DROPPED` `BridgeError` (what the receiving bus threw). */
  error?: unknown;
  /** Report only the first drop for this reason and origin (or name): a hostile page cannot flood `onError`. */
  once?: boolean;
}

/**
 * Reports something that arrived (the topic or key `name`, if known) and was dropped, to the bus's `onError`
 * and observers, as `report: 'dropped'`.
 */
export type Drop = (reason: DropReason, name?: string, options?: DropOptions) => void;

export interface BridgePlugin {
  drop: Drop;
  /** Whether the bus's plugins hold this topic's payloads or this key's values sensitive (contracts do). */
  isSensitive: PluginTools['isSensitive'];
  /**
   * Publishes or writes (`deliver`) a `value` that arrived by structured clone, so is known to be cloneable:
   * the plugin does not clone it again to check.
   */
  arrived(value: unknown, deliver: () => void): void;
  uninstall: Cleanup;
}

const NONE = Symbol('none');

/**
 * The plugin every bridge installs on its bus: a publish or write on a shared topic or key whose value could
 * not cross throws `BridgeError` `NOT_CLONEABLE` to its caller, and what the bridge drops is reported
 * through the plugin's `report` tool.
 */
export function installBridgePlugin(bus: Bus, via: string, lanes: Lanes): BridgePlugin {
  let tools: PluginTools | undefined;
  const told = new Set<string>();
  // By identity: a value another plugin replaced, or anything published meanwhile, is checked.
  let cloned: unknown = NONE;
  const uninstall = bus.use({
    name: via,
    setup(given) {
      tools = given;
    },
    publish(topic, payload) {
      if (payload !== cloned && covers(lanes.eventsOut, topic)) assertCloneable(payload, topic);
      return payload;
    },
    setState(key, next) {
      if (next !== cloned && lanes.stateOut.includes(key)) assertCloneable(next, key);
      return next;
    },
  });
  // `use` ran `setup`. A bus made by a core copy from before `isSensitive` knows nothing sensitive.
  const { report, isSensitive = () => false } = tools as PluginTools;

  const drop: Drop = (reason, name, { source = null, origin, error, once } = {}) => {
    const what = name ?? origin ?? 'a message';
    if (once) {
      if (told.has(reason + what)) return;
      told.add(reason + what);
    }
    report(error ?? new BridgeError('DROPPED', `bridge ${via} dropped ${what}: ${reason}`, name, reason), {
      report: 'dropped',
      ...(name === undefined ? {} : { name }),
      source,
      detail: { bridge: via, reason, origin },
    });
  };
  const arrived = (value: unknown, deliver: () => void) => {
    cloned = value;
    try {
      deliver();
    } finally {
      cloned = NONE;
    }
  };
  return { drop, isSensitive, arrived, uninstall };
}
