// @mfe-bus/bridge: a request round trip over a bridged MessageChannel against the same request on one bus, and
// events per second from one tab's bus to another's through bridgeTabs against the bare BroadcastChannel.
import { closeAll } from '../contenders/open-channels.js';
import { group, spec } from '../harness/group.js';

export default async function bridge() {
  try {
    return [
      await group(
        'bridge-request',
        'request round trip: one bus vs over a bridged MessageChannel',
        [
          spec('one bus', 'bridge-request', 'direct'),
          spec('bare MessageChannel ping-pong (no bus)', 'bridge-request', 'bareChannel'),
          spec('@mfe-bus/bridge: bridgePort', 'bridge-request', 'bridged'),
        ],
        { note: 'round trips per second; each awaited before the next' },
      ),
      await group(
        'bridge-tabs',
        'events from one tab to another',
        [
          spec('bare BroadcastChannel', 'bridge-tabs', 'broadcastChannel', [], { calls: 1 }),
          spec('@mfe-bus/bridge: bridgeTabs', 'bridge-tabs', 'tabBridge', [], { calls: 1 }),
        ],
        { note: 'messages per second, sent in batches and counted on arrival' },
      ),
    ];
  } finally {
    closeAll();
  }
}
