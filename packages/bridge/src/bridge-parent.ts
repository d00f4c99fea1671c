import type { Bus } from '@mfe-bus/core';
import { handshake, readHandshake } from './handshake';
import { invalid } from './invalid';
import { allowList } from './origins';
import { onPageLifecycle } from './page-lifecycle';
import { bridgeId } from './plain-data';
import { asBridge, createSession } from './session';
import type { Bridge, FrameBridgeOptions } from './types';

/**
 * Bridges `bus` with the bus of the parent page, which calls `bridgeFrame` for this frame. Only messages from
 * the parent window, on an allowed origin, are read; the connection is the port the parent hands over.
 */
export function bridgeParent(bus: Bus, options: FrameBridgeOptions): Bridge {
  const origins = allowList(options.origin);
  const host = window;
  const { parent } = host;
  if (parent === host) invalid('this page is not in a frame');
  const id = bridgeId();
  const session = createSession(bus, `parent:${options.app ?? origins[0]}`, options);
  const hello = () => {
    for (const origin of origins) parent.postMessage(handshake('hello', id), origin);
  };

  function receive(event: MessageEvent) {
    const message = readHandshake(event, parent, origins);
    if (typeof message === 'string') return session.drop(message, undefined, { origin: event.origin, once: true });
    const [port] = event.ports;
    if (message?.[0] === 'ping') hello();
    else if (message?.[0] === 'connect' && message[1] === id && port) session.attach(port, () => port.close());
  }

  host.addEventListener('message', receive);
  // Leaving (a reload, the back/forward cache) says so, and the parent queues events until this page is back.
  const stopLifecycle = onPageLifecycle(host, session.detach, hello);
  hello();
  return asBridge(session, () => {
    host.removeEventListener('message', receive);
    stopLifecycle();
    session.close();
  });
}
