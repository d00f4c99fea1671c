import type { Bus } from '@mfe-bus/core';
import { createBoundedQueue } from './bounded-queue';
import { openBridge } from './bridge-core';
import type { Drop } from './bridge-plugin';
import { type Message, readEnvelope, VERSION } from './envelope';
import { bridgeId } from './plain-data';
import { createRequestProxy } from './request-proxy';
import { createRequestServer } from './request-server';
import { createSequence } from './sequence';
import { lanesOf } from './share';
import type { Bridge, BridgeStatus, PortBridgeOptions, PortLike } from './types';

export interface Session extends Bridge {
  /** A new connection over `port` (a previous one is let go); `closePort` when the bridge owns the port. */
  attach(port: PortLike, closePort?: () => void): void;
  /** This side leaves the connection (the page is hidden): tells the other side, lets the port go. */
  detach(): void;
  drop: Drop;
}

/**
 * One bridge over a connection (a port): sends its snapshot first, then what waited, then everything live;
 * numbers its envelopes and drops duplicates; serves and proxies requests while the other side is there.
 * `detached` is told when a connection ends (either side left).
 */
export function createSession(
  bus: Bus,
  via: string,
  { share, app, queueLimit = 100 }: PortBridgeOptions,
  detached: () => void = () => {},
): Session {
  const lanes = lanesOf(share);
  const id = bridgeId();
  let port: PortLike | undefined;
  let closePort: (() => void) | undefined;
  let sequence = createSequence();
  let status: BridgeStatus = 'connecting';
  let opened = () => {};
  const ready = new Promise<void>((resolve) => {
    opened = resolve;
  });
  // Only events wait: state goes in the snapshot a connection starts with, requests wait for a provider.
  const queue = createBoundedQueue<Message>(queueLimit, ([, topic]) => drop('queue-full', String(topic)));

  function send(message: Message): void {
    if (port) port.postMessage([VERSION, sequence.next(), id, ...message]);
    else if (message[0] === 'event') queue.push(message);
  }

  const { drop, scope, exchange, close } = openBridge(bus, via, lanes, id, send);
  const proxy = createRequestProxy({ scope: app ? bus.scope(app) : scope, keys: lanes.requestsIn, send, drop });
  const server = createRequestServer({ bus, keys: lanes.requestsOut, send, drop });

  function receive({ data }: MessageEvent) {
    const envelope = readEnvelope(data);
    if (typeof envelope === 'string') return drop(envelope);
    const [, seq, , ...message] = envelope;
    // One peer per connection: its sequence is the connection's.
    if (!sequence.accept('', seq)) return drop('sequence');
    if (message[0] === 'request') server.serve(message[1], message[2], message[3], message[4]);
    else if (message[0] === 'abort') server.abort(message[1]);
    else if (message[0] === 'response') proxy.settle(message[1], message[2], message[3]);
    else if (message[0] === 'bye') release();
    else exchange.receive(message);
    if (message[0] === 'snapshot' && status === 'connecting') {
      status = 'open';
      proxy.open();
      opened();
    }
  }

  function release(): void {
    port?.removeEventListener('message', receive);
    closePort?.();
    port = closePort = undefined;
    if (status === 'open') status = 'connecting';
    proxy.close();
    server.close();
    detached();
  }

  const session: Session = {
    ready,
    drop,
    get status() {
      return status;
    },
    attach(next, closeNext) {
      if (port) release();
      port = next;
      closePort = closeNext;
      sequence = createSequence();
      port.addEventListener('message', receive);
      port.start?.();
      send(exchange.snapshot());
      for (const message of queue.drain()) send(message);
    },
    detach() {
      if (!port) return;
      send(['bye']);
      release();
    },
    close() {
      if (status === 'closed') return;
      session.detach();
      close();
      status = 'closed';
    },
  };
  return session;
}

/** The session as its caller sees it; `close` also undoes what the caller set up around it. */
export const asBridge = (session: Session, close: () => void = session.close): Bridge => ({
  ready: session.ready,
  get status() {
    return session.status;
  },
  close,
});
