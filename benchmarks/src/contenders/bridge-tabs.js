// Events from one tab's bus to another's: through bridgeTabs, and the bare BroadcastChannel it runs on (the floor:
// the same payloads posted and received with no bus and no bridge).
import { bridgeTabs } from '@mfe-bus/bridge';
import { createBus } from '@mfe-bus/core';
import { sink } from './common.js';
import { closeAtEnd } from './open-channels.js';

export { sink } from './common.js';

let channels = 0;
const channelName = () => `bench-${process.pid}-${++channels}`;

/** `run(n)` sends n messages and resolves when the receiving side has taken the n-th. */
function counted(send, onReceived) {
  let received = 0;
  let wanted = 0;
  let done = () => {};
  onReceived((n) => {
    sink.value += n;
    sink.calls++;
    if (++received === wanted) done();
  });
  return (n) =>
    new Promise((resolve) => {
      wanted = received + n;
      done = resolve;
      for (let i = 0; i < n; i++) send(i);
    });
}

export function broadcastChannel() {
  const name = channelName();
  const sender = new BroadcastChannel(name);
  const receiver = new BroadcastChannel(name);
  closeAtEnd(() => {
    sender.close();
    receiver.close();
  });
  return counted(
    (i) => sender.postMessage({ n: i }),
    (take) => receiver.addEventListener('message', ({ data }) => take(data.n)),
  );
}

export function tabBridge() {
  const channel = channelName();
  const tabA = createBus({ replayWindowMs: 0 });
  const tabB = createBus({ replayWindowMs: 0 });
  const bridges = [tabA, tabB].map((bus) => bridgeTabs(bus, { channel, share: { events: ['cart:*'] } }));
  closeAtEnd(() => {
    for (const bridge of bridges) bridge.close();
  });
  return counted(
    (i) => tabA.publish('cart:updated', { n: i }),
    (take) => tabB.subscribe('cart:updated', (payload) => take(payload.n)),
  );
}
