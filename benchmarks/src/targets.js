// The targets of issue 16, in one table. Each row names what is measured and its bound:
// - speed: median of the per-round ratios `contender` ÷ `versus` in ops/s, in row `group`, at least `atLeast`;
// - slowdown: the same ratio of times per operation (contender is `atMost` times slower);
// - time: `contender`'s median µs per operation in row `group`, at most `atMost`;
// - memory: bytes from the memory suite (Node, where the issue measured), `field` of `contender`'s row, at
//   most `atMost`;
// - size: min+gzip bytes of the size check named `size`, at most `atMost`.
// `contender` defaults to 'mfe-bus'; `was` is the figure the issue reported before the work.
import { microsPerOp, paired } from './harness/paired.js';

/** "Never slower" of two runs of equal code can only be asked within the noise. */
const NEVER_SLOWER = 0.95;

const speed = (row, group, versus, atLeast, more) => ({ row, kind: 'speed', group, versus, atLeast, ...more });
const slowdown = (row, group, versus, atMost, more) => ({ row, kind: 'slowdown', group, versus, atMost, ...more });
const time = (row, group, atMost, more) => ({ row, kind: 'time', group, atMost, ...more });
const bytesHeld = (row, field, atMost, more) => ({ row, kind: 'memory', field, atMost, ...more });
const size = (row, check, atMost, more) => ({ row, kind: 'size', size: check, atMost, ...more });

export const TARGETS = [
  speed('publish to 1 subscriber', 'publish-1', 'mitt', 0.5, { was: '0.13x' }),
  speed('publish to 1 subscriber: ahead of', 'publish-1', '@trutoo/event-bus', 1),
  speed('publish to 1 subscriber: ahead of', 'publish-1', '@podium/browser MessageBus', 1),
  speed('publish to 10 subscribers', 'publish-10', 'mitt', 0.6, { was: '0.25x' }),
  speed('publish to 1,000 subscribers', 'publish-1000', 'mitt', 1, { was: '0.29-0.50x' }),
  speed('mixed, 20 topics x 5 listeners', 'mixed', 'mitt', 0.5, { was: '0.22-0.27x' }),
  speed('publish, nobody listens (buffered)', 'unheard', 'mitt', 0.25, { was: '0.06x' }),
  speed('publish, nobody listens: replay off not slower', 'unheard', 'mfe-bus', NEVER_SLOWER, {
    contender: 'mfe-bus, replayWindowMs: 0',
    was: '0.2x',
  }),
  speed('publish, nobody listens: replay off not slower', 'unheard', 'mfe-bus', NEVER_SLOWER, {
    contender: 'mfe-bus, publish { replay: false }',
  }),
  speed('subscribe + unsubscribe, 0 others', 'churn-0', 'mitt', 0.5, { was: '0.08x' }),
  speed('subscribe + unsubscribe, 100 others', 'churn-100', 'mitt', 0.5, { was: '0.31-0.37x' }),
  speed('subscribe + unsubscribe, 10,000 others: stays O(1)', 'churn-10000', 'mfe-bus, 0 other listeners', 0.5),
  speed('setState, 1 watcher', 'setState-1', 'nanostores atom', 1, { was: '0.63-0.73x' }),
  speed('setState, 10 watchers', 'setState-10', 'nanostores atom', 1.2, { was: '0.92-1.04x' }),
  speed('getState', 'getState', 'nanostores atom', 0.5, { was: '0.19-0.37x' }),
  slowdown('cached request round trip', 'cached-request', 'bare await of a resolved value', 2.5, { was: '5.2-6.5x' }),
  time('setState sharing a frozen 100,000-key object', 'setState-sharing-large', 5, { was: '1,800-2,200 µs' }),
  time('late t:* subscriber, 100,000 other topics', 'late-pattern', 50, { was: '1,500-2,900 µs' }),
  speed('publish with a pattern subscriber present', 'pattern-present', 'mfe-bus, no pattern subscriber', 0.9, {
    contender: 'mfe-bus, an other:* subscriber present',
    was: '0.61-0.65x',
  }),
  bytesHeld('bytes per subscription, one topic', 'oneTopic', 200, { was: '387 B' }),
  bytesHeld('bytes per subscription, own topic', 'ownTopic', 300, { was: '685 B' }),
  bytesHeld('held cleanup after unsubscribe', 'heldAfterUnsubscribe', 64),
  size('core min+gzip, all exports', '@mfe-bus/core (ESM, all exports)', 4000, { was: '6,134 B' }),
  size('react binding, own code', '@mfe-bus/react', 800, { was: '1,334 B' }),
  size('vue binding, own code', '@mfe-bus/vue', 800, { was: '1,078 B' }),
  size('svelte binding, own code', '@mfe-bus/svelte', 800, { was: '596 B' }),
  size('angular binding, own code', '@mfe-bus/angular', 800, { was: '1,065 B' }),
];

const x = (value) => `${value.toFixed(2)}x`;
const us = (value) => `${value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString('en-US')} µs`;
const range = ({ median, min, max }, format) => `${format(median)} (${format(min)}-${format(max)})`;

/**
 * What was measured for `target` and whether it meets it (`met` is undefined when the row was not measured).
 * @param {typeof TARGETS[number]} target
 * @param {{ groups: { id: string, rows: import('./harness/paired.js').Timing[] }[], memory?: object, sizes?: object }} results
 */
export function evaluate(target, { groups, memory, sizes }) {
  const contender = target.contender ?? 'mfe-bus';
  const rowOf = (group, name) => groups.find((g) => g.id === group)?.rows.find((row) => row.name === name);
  const bound = target.atLeast === undefined ? `<= ${target.atMost}` : `>= ${target.atLeast}`;
  const ok = (value) => (target.atLeast === undefined ? value <= target.atMost : value >= target.atLeast);
  switch (target.kind) {
    case 'speed':
    case 'slowdown': {
      const [a, b] = [rowOf(target.group, contender), rowOf(target.group, target.versus)];
      const wanted = target.kind === 'speed' ? `${bound}x ${target.versus}` : `${bound}x the time of ${target.versus}`;
      if (!a || !b) return { contender, target: wanted };
      // b's ops ÷ a's ops, round by round, is a's time ÷ b's time.
      const ratio = target.kind === 'speed' ? paired(a, b) : paired(b, a);
      return { contender, measured: range(ratio, x), target: wanted, met: ok(ratio.median) };
    }
    case 'time': {
      const row = rowOf(target.group, contender);
      if (!row) return { contender, target: `${bound} µs` };
      const micros = microsPerOp(row);
      return { contender, measured: range(micros, us), target: `${bound} µs`, met: ok(micros.median) };
    }
    case 'memory': {
      const bytes = memory?.perSubscription.find((row) => row.name === contender)?.[target.field];
      if (bytes === undefined) return { contender, target: `${bound} B` };
      return { contender, measured: `${bytes} B`, target: `${bound} B`, met: ok(bytes) };
    }
    case 'size': {
      const bytes = sizes?.rows.find((row) => row.name === target.size)?.bytes;
      if (bytes === undefined) return { contender: target.size, target: `${bound} B` };
      return {
        contender: target.size,
        measured: `${bytes.toLocaleString('en-US')} B`,
        target: `${bound} B`,
        met: ok(bytes),
      };
    }
    default:
      throw new Error(`unknown target kind ${target.kind}`);
  }
}
