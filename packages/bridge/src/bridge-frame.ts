import type { Bus } from '@mfe-bus/core';
import { addFrame, isBridgedFrame } from './bridged-frames';
import { handshake, readHandshake } from './handshake';
import { allowList } from './origins';
import { bridgeId } from './plain-data';
import { asBridge, createSession } from './session';
import type { Bridge, FrameBridgeOptions } from './types';

/**
 * Bridges `bus` with the bus of the page in `iframe`, which calls `bridgeParent`. Only window messages from
 * that iframe's window, on an allowed origin, are read; the handshake hands the frame a private
 * `MessageChannel` port, and everything else goes through it. A reloaded frame connects again and gets a
 * snapshot of the shared state.
 */
export function bridgeFrame(bus: Bus, iframe: HTMLIFrameElement, options: FrameBridgeOptions): Bridge {
  const origins = allowList(options.origin);
  const host = iframe.ownerDocument.defaultView as Window;
  // The frame's bridge id this connection belongs to: a second `hello` from it is not a new connection.
  let linked: string | undefined;
  const session = createSession(bus, `frame:${options.app ?? origins[0]}`, options, () => {
    linked = undefined;
  });

  function receive(event: MessageEvent) {
    const frame = iframe.contentWindow;
    if (event.source !== frame && isBridgedFrame(event.source)) return;
    const message = readHandshake(event, frame, origins);
    if (typeof message === 'string') return session.drop(message, undefined, { origin: event.origin, once: true });
    if (message?.[0] !== 'hello' || message[1] === linked || !frame) return;
    const { port1, port2 } = new MessageChannel();
    frame.postMessage(handshake('connect', message[1]), event.origin, [port2]);
    session.attach(port1, () => port1.close());
    linked = message[1];
  }

  host.addEventListener('message', receive);
  const removeFrame = addFrame(iframe);
  // The frame may have loaded first; a ping carries nothing, so it may go to whatever is in the frame now.
  iframe.contentWindow?.postMessage(handshake('ping', bridgeId()), '*');
  return asBridge(session, () => {
    host.removeEventListener('message', receive);
    removeFrame();
    session.close();
  });
}
