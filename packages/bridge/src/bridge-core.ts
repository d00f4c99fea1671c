import type { Bus } from '@mfe-bus/core';
import { claimName } from './bridge-names';
import { installBridgePlugin } from './bridge-plugin';
import type { Message } from './envelope';
import { createExchange } from './exchange';
import type { Lanes } from './share';
import { createClock } from './state-clock';

/**
 * What every bridge is made of: its name reserved on the bus, its plugin (refusals and reports), its own scope
 * (its subscriptions and watchers show under its name in `inspect().apps`) and the exchange of events and
 * state. `writer` stamps this side's state writes.
 */
export function openBridge(bus: Bus, via: string, lanes: Lanes, writer: string, send: (message: Message) => void) {
  const release = claimName(bus, via);
  const plugin = installBridgePlugin(bus, via, lanes);
  const { drop, uninstall } = plugin;
  const scope = bus.scope(via);
  const exchange = createExchange({ bus, scope, via, lanes, clock: createClock(writer), send, plugin });
  return {
    drop,
    scope,
    exchange,
    close(): void {
      exchange.close();
      uninstall();
      release();
    },
  };
}
