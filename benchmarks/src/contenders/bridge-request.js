// A request round trip on one bus, and the same request from a second bus over a bridged MessageChannel (what a
// framed app or a worker pays): params cross, the provider answers on the first bus, the result crosses back. The
// bare MessageChannel ping-pong is the transport's own floor.
import { bridgePort } from '@mfe-bus/bridge';
import { createBus } from '@mfe-bus/core';
import { sink } from './common.js';
import { closeAtEnd } from './open-channels.js';

export { sink } from './common.js';

const KEY = 'user:permissions';
const provider = ({ n }) => n;

/** The baseline: requester and provider on one bus (distinct params, so no call is shared or cached). */
export function direct() {
  const bus = createBus({ replayWindowMs: 0 });
  bus.provide(KEY, provider);
  return async (n) => {
    for (let i = 0; i < n; i++) sink.value += await bus.request(KEY, { n: i });
  };
}

/** The requester's bus reaches the provider's through bridgePort at both ends of a MessageChannel. */
export async function bridged() {
  const shell = createBus({ replayWindowMs: 0 });
  const frame = createBus({ replayWindowMs: 0 });
  shell.provide(KEY, provider);
  const channel = new MessageChannel();
  const bridges = [
    bridgePort(shell, channel.port1, { share: { requests: { out: [KEY] } } }),
    bridgePort(frame, channel.port2, { share: { requests: { in: [KEY] } } }),
  ];
  await Promise.all(bridges.map((bridge) => bridge.ready));
  closeAtEnd(() => {
    for (const bridge of bridges) bridge.close();
    channel.port1.close();
  });
  return async (n) => {
    for (let i = 0; i < n; i++) sink.value += await frame.request(KEY, { n: i });
  };
}

/** The floor: a message to the other end of a MessageChannel and its answer, no bus, no bridge. */
export function bareChannel() {
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = ({ data }) => port2.postMessage(data.n);
  let answered = () => {};
  port1.onmessage = ({ data }) => answered(data);
  closeAtEnd(() => port1.close());
  return async (n) => {
    for (let i = 0; i < n; i++) {
      sink.value += await new Promise((resolve) => {
        answered = resolve;
        port1.postMessage({ n: i });
      });
    }
  };
}
