// Pub/sub: mfe-bus against the bare emitters and the microfrontend buses, each on its own loop.
import { group, spec } from '../harness/group.js';

/** [name, contender module]: mitt first (the baseline of every row), mfe-bus is added last. */
const EMITTERS = [
  ['mitt', 'mitt'],
  ['nanoevents', 'nanoevents'],
  ['eventemitter3', 'eventemitter3'],
  ['@trutoo/event-bus', 'trutoo-event-bus'],
  ['@podium/browser MessageBus', 'podium-browser'],
  ['mfe-bus', 'mfe-bus'],
];
const everyEmitter = (op, args, calls) => EMITTERS.map(([name, module]) => spec(name, module, op, args, { calls }));
const plural = (count, noun) => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

export default async function pubsub() {
  const groups = [];
  for (const subscribers of [1, 10, 1000]) {
    groups.push(
      await group(
        `publish-${subscribers}`,
        `publish to ${plural(subscribers, 'subscriber')}`,
        everyEmitter('publish', [subscribers], subscribers),
      ),
    );
  }
  groups.push(await group('mixed', 'mixed: 20 topics x 5 listeners, round-robin', everyEmitter('mixed', [20, 5], 5)));
  groups.push(
    await group('unheard', 'publish to a topic nobody listens to', [
      ...everyEmitter('publish', [0], 0),
      spec('mfe-bus, replayWindowMs: 0', 'mfe-bus', 'publish', [0, { options: { replayWindowMs: 0 } }]),
      spec('mfe-bus, publish { replay: false }', 'mfe-bus', 'publish', [0, { publishOptions: { replay: false } }]),
    ]),
  );
  for (const others of [0, 100, 10_000]) {
    const title = `subscribe + unsubscribe, ${plural(others, 'other listener')}`;
    const specs = everyEmitter('churn', [others], 0);
    // In the same rounds, for "stays O(1)": mfe-bus's own rate with no other listener.
    if (others === 10_000) specs.push(spec('mfe-bus, 0 other listeners', 'mfe-bus', 'churn', [0], { calls: 0 }));
    groups.push(await group(`churn-${others}`, title, specs));
  }
  groups.push(
    await group('pattern-present', 'publish to 1 subscriber, a pattern subscriber elsewhere', [
      spec('mfe-bus, no pattern subscriber', 'mfe-bus', 'publish', [1], { calls: 1 }),
      spec('mfe-bus, an other:* subscriber present', 'mfe-bus', 'publish', [1, { pattern: 'other:*' }], { calls: 1 }),
    ]),
  );
  groups.push(
    await group(
      'late-pattern',
      'late t:* subscriber (subscribe + unsubscribe), 100,000 other topics',
      [spec('mfe-bus', 'mfe-bus', 'latePatternSubscriber', [100_000], { calls: 10 })],
      {
        unit: 'us',
        note: 'one buffered event on each of 100,000 topics in 100 other domains, and on each of 10 `t:` topics (replayed: 10 handler calls); replay window 1 h',
      },
    ),
  );
  return groups;
}
