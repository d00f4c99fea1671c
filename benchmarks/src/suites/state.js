// Shared state: mfe-bus against a nanostores atom and @leanjs/core's runtime state.
import { group, spec } from '../harness/group.js';

/** nanostores first: the baseline of every row. */
const STORES = [
  ['nanostores atom', 'nanostores'],
  ['mfe-bus', 'mfe-bus'],
  ['@leanjs/core runtime state', 'leanjs-core'],
];
const everyStore = (op, args, calls) => STORES.map(([name, module]) => spec(name, module, op, args, { calls }));

export default async function state() {
  const groups = [];
  for (const watchers of [1, 10]) {
    const title = `setState with ${watchers} watcher${watchers === 1 ? '' : 's'}`;
    groups.push(await group(`setState-${watchers}`, title, everyStore('setState', [watchers], watchers)));
  }
  groups.push(
    await group('getState', 'getState (atom.get())', [
      ...everyStore('getState', []),
      spec('@trutoo/event-bus getLatest()', 'trutoo-event-bus', 'readLatest'),
      spec('@podium/browser MessageBus peek()', 'podium-browser', 'readLatest'),
    ]),
  );
  groups.push(
    await group(
      'setState-sharing-large',
      'setState of an update sharing a frozen 100,000-key object',
      [
        spec('mfe-bus', 'mfe-bus', 'setStateSharingLarge', [100_000], { calls: 1 }),
        spec('nanostores atom', 'nanostores', 'setStateSharingLarge', [100_000], { calls: 1 }),
      ],
      {
        unit: 'us',
        note: '`setState(key, (previous) => ({ items: previous.items, count }))`, one watcher; the first write froze `items`',
      },
    ),
  );
  return groups;
}
