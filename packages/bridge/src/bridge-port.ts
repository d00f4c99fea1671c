import type { Bus } from '@mfe-bus/core';
import { asBridge, createSession } from './session';
import type { Bridge, PortBridgeOptions, PortLike } from './types';

/**
 * Bridges `bus` over `port`, any `MessagePort`-like object (a worker, a worker's global scope, one end of a
 * `MessageChannel`), with the same protocol and `share` as a frame bridge; the other end calls `bridgePort`
 * too. The port stays open on `close()`: the caller owns it.
 */
export function bridgePort(bus: Bus, port: PortLike, options: PortBridgeOptions): Bridge {
  const session = createSession(bus, `port:${options.app ?? 'peer'}`, options);
  session.attach(port);
  return asBridge(session);
}
