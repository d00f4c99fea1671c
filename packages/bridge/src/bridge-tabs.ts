import { type Bus, type Cleanup, toCleanup } from '@mfe-bus/core';
import { openBridge } from './bridge-core';
import { type Message, readEnvelope, VERSION } from './envelope';
import { onPageLifecycle } from './page-lifecycle';
import { bridgeId } from './plain-data';
import { createSequence } from './sequence';
import { tabLanesOf } from './share';
import { lead } from './tab-leader';
import type { BridgeStatus, TabBridge, TabsBridgeOptions } from './types';

/**
 * Bridges `bus` with the buses of the other tabs (and frames) of this origin that bridge the same `channel`,
 * over a `BroadcastChannel`. A new tab sends its snapshot to every tab and each answers with its own; shared
 * state converges by logical clock (deletes included); what a tab receives is never sent back. Coming back
 * from the back/forward cache, a tab sends its snapshot again to catch up.
 */
export function bridgeTabs(bus: Bus, { channel, share }: TabsBridgeOptions): TabBridge {
  const id = bridgeId();
  const sequence = createSequence();
  const port = new BroadcastChannel(`mfe-bus:${channel}`);
  const leaders = new Set<Cleanup>();
  let status: BridgeStatus = 'open';
  let started = false;

  const post = (message: Message) => port.postMessage([VERSION, sequence.next(), id, ...message]);
  // Values held before the first snapshot go in it, not one message each.
  const { drop, exchange, close } = openBridge(bus, `tabs:${channel}`, tabLanesOf(share), id, (message) => {
    if (started) post(message);
  });
  const hello = () => post(exchange.snapshot());

  function receive({ data }: MessageEvent) {
    const envelope = readEnvelope(data);
    if (typeof envelope === 'string') return drop(envelope);
    const [, seq, from, ...message] = envelope;
    if (!sequence.accept(from, seq)) return drop('sequence');
    if (message[0] === 'bye') return sequence.forget(from);
    // A snapshot for every tab (a new one's) is answered; one for another tab is not for this one.
    if (message[0] === 'snapshot' && message[3] !== '' && message[3] !== id) return;
    if (!exchange.receive(message)) return drop('envelope', message[0]);
    if (message[0] === 'snapshot' && message[3] === '') post(exchange.snapshot(from));
  }

  const bye = () => post(['bye']);
  port.addEventListener('message', receive);
  const stopLifecycle = onPageLifecycle(globalThis, bye, hello);
  hello();
  started = true;

  return {
    ready: Promise.resolve(),
    get status() {
      return status;
    },
    leader(name, work) {
      const stop = lead(`mfe-bus:${channel}:${name}`, work);
      leaders.add(stop);
      return toCleanup(() => {
        leaders.delete(stop);
        stop();
      });
    },
    close() {
      if (status === 'closed') return;
      status = 'closed';
      for (const stop of leaders) stop();
      stopLifecycle();
      bye();
      port.close();
      close();
    },
  };
}
