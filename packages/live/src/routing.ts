import type { BusApi } from '@mfe-bus/core';
import type { LiveMessage, LiveOperation, RawMessage, RouteResult } from './types';

/** The default route: the message data is already an operation. */
export const dataAsOperation = (message: LiveMessage): RouteResult => message.data as RouteResult;

const isOperation = (operation: unknown): operation is LiveOperation => {
  const { topic, state } = (operation ?? {}) as { topic?: unknown; state?: unknown };
  return typeof topic === 'string' || typeof state === 'string';
};

/** The message `raw` carries, parsed; a WebSocket message names its id in its data. Throws on invalid JSON. */
export function parseMessage(raw: RawMessage): LiveMessage {
  const data: unknown = JSON.parse(raw.data);
  const ownId = (data as { id?: unknown } | null)?.id;
  return { data, id: raw.id ?? (ownId == null ? undefined : String(ownId)) };
}

/** The operations `route` maps `message` to; throws when it throws or answers something else. */
export function operationsOf(message: LiveMessage, route: (message: LiveMessage) => RouteResult): LiveOperation[] {
  const result = route(message);
  const operations = result == null ? [] : Array.isArray(result) ? result : [result];
  if (!operations.every(isOperation)) throw new TypeError('unknown message shape');
  return operations;
}

/** Publishes and writes `operations`; what the bus refuses (a contract) it has already reported. */
export function apply(bus: BusApi, operations: readonly LiveOperation[]): void {
  for (const operation of operations) {
    try {
      if ('topic' in operation) bus.publish(operation.topic, operation.payload);
      // An updater, so a value that is a function is stored, not called.
      else bus.setState(operation.state, () => operation.value);
    } catch {}
  }
}
