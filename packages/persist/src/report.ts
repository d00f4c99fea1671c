import type { Bus, PluginTools } from '@mfe-bus/core';

/**
 * Sends `error` to the bus's `onError` and to its observers as a `report` record. Only plugins get a
 * `report` tool, so this installs one for the moment it takes.
 */
export function report(bus: Bus, error: unknown, context: Parameters<PluginTools['report']>[1]): void {
  bus.use({ name: 'persist', setup: (tools) => tools.report(error, context) })();
}
