// @mfe-bus/live: a server message reaching 4 remotes through one shared connection and the bus, against each
// remote holding its own EventSource (4 connections, 4 deliveries and 4 parses per message), in the same run.
import { group, spec } from '../harness/group.js';

export default async function live() {
  return [
    await group(
      'live-fan-out',
      'server message -> 4 remotes',
      [
        spec('4 EventSources, one per remote', 'live-per-remote', 'serverMessage', [4], { calls: 4 }),
        spec('@mfe-bus/live: 1 connection -> bus -> 4 subscribers', 'live-shared', 'serverMessage', [4], {
          calls: 4,
        }),
      ],
      { note: 'messages per second (the first row is the baseline of the ratios)' },
    ),
  ];
}
