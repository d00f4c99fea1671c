// RESULTS.md from one run of src/run.js.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { formatOps, microsPerOp, paired } from './harness/paired.js';
import { evaluate, TARGETS } from './targets.js';

const PEERS = [
  'mitt',
  'nanoevents',
  'eventemitter3',
  'nanostores',
  '@trutoo/event-bus',
  '@podium/browser',
  '@leanjs/core',
  'react',
  '@nanostores/react',
  'happy-dom',
  'size-limit',
  'esbuild',
];

const versionOf = (pkg) =>
  JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;

/** The commit measured, and whether packages/core/src had uncommitted changes at the time. */
function revision() {
  const cwd = new URL('..', import.meta.url);
  const git = (...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', '../packages/core/src') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in packages/core/src' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const bytes = (n) => `${n.toLocaleString('en-US')} B`;
const ratio = ({ median, min, max }) => `${median.toFixed(2)}x (${min.toFixed(2)}-${max.toFixed(2)})`;
const micros = ({ median, min, max }) => `${median.toFixed(2)} (${min.toFixed(2)}-${max.toFixed(2)})`;
const loads = (values) => values.map((l) => l.toFixed(2)).join(' / ');

function machine({ startedAt, finishedAt, loadAtStart, loadAtEnd }) {
  const cpus = os.cpus();
  return table(
    ['', ''],
    [
      ['Date', `${startedAt.toISOString()} (took ${Math.round((finishedAt - startedAt) / 1000)} s)`],
      ['Commit', revision()],
      ['CPU', `${cpus[0]?.model ?? 'unknown'} x ${cpus.length}`],
      ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['OS', `${os.type()} ${os.release()} (${os.arch()})`],
      ['Node', `${process.version} (V8 ${process.versions.v8})`],
      ['Load average (1/5/15 min), start / end', `${loads(loadAtStart)} — ${loads(loadAtEnd)}`],
      ['Peers and tools', PEERS.map((pkg) => `${pkg} ${versionOf(pkg)}`).join(', ')],
    ],
  );
}

function targets(results) {
  return table(
    ['Target (issue 16)', 'contender', 'median (min-max)', 'target', 'issue: before', 'met'],
    TARGETS.map((target) => {
      const { contender, measured, target: wanted, met } = evaluate(target, results);
      return [
        target.row,
        contender,
        measured ?? 'not measured',
        wanted,
        target.was ?? '',
        met === undefined ? '—' : met ? 'met' : '**not met**',
      ];
    }),
  );
}

function timing(group) {
  const [baseline] = group.rows;
  const rows = group.rows.map((row) =>
    group.unit === 'us'
      ? [row.name, micros(microsPerOp(row))]
      : [row.name, formatOps(row.opsPerSec), row === baseline ? 'baseline' : ratio(paired(row, baseline))],
  );
  const header =
    group.unit === 'us' ? ['', 'µs per operation, median (min-max)'] : ['', 'ops/s (median)', `÷ ${baseline.name}`];
  return [`### ${group.title}`, '', ...(group.note ? [`${group.note}.`, ''] : []), table(header, rows), ''];
}

const subscriptionTable = (rows) =>
  table(
    [
      '',
      'B per subscription, one topic',
      'B per subscription, own topic',
      'B a held cleanup retains after unsubscribe',
    ],
    rows.map((row) => [row.name, row.oneTopic, row.ownTopic, row.heldAfterUnsubscribe]),
  );

function memoryTables({ perSubscription, publishNoSubscriber, chromium }) {
  return [
    'In Node (V8 without pointer compression: 8-byte slots), `--expose-gc`, `heapUsed` after two full GCs:',
    '',
    subscriptionTable(perSubscription),
    '',
    ...(chromium
      ? [
          "The same in Chromium (Debian's, headless; V8 with pointer compression, 4-byte slots, as in Chrome), each figure measured in a fresh browser context, `performance.memory` after two full GCs:",
          '',
          subscriptionTable(chromium),
          '',
        ]
      : []),
    'What an app holds to undo a subscription: the cleanup mfe-bus and nanoevents return, the `{ unsubscribe }` of @trutoo/event-bus, and for the others the `() => off(topic, handler)` closure an app writes.',
    '',
    'Heap growth while publishing to a topic nobody listens to (after GC, from a baseline taken after 20,000 warm-up publishes; mfe-bus keeps the last events of the topic for late subscribers):',
    '',
    table(
      ['', ...publishNoSubscriber[0].samples.map((s) => `after ${s.publishes.toLocaleString('en-US')}`)],
      publishNoSubscriber.map((run) => [run.name, ...run.samples.map((s) => bytes(s.bytes))]),
    ),
  ];
}

function sizeTables({ rows, demo }) {
  const demoTotal = demo.reduce((sum, app) => sum + app.bytes, 0);
  const core = rows.find((row) => row.name === '@mfe-bus/core (ESM, all exports)');
  return [
    table(
      ['', 'min + gzip', 'ignored (bundled by the app anyway)'],
      rows.map((row) => [row.name, bytes(row.bytes), row.ignored.join(', ')]),
    ),
    '',
    `A demo page (the shell and four remotes) carries ${demo.length} copies of the core, each tree-shaken to what that app imports from core (directly or through its binding) and what its binding imports: **${bytes(demoTotal)}** in all${core ? ` (${demo.length} x all exports would be ${bytes(demo.length * core.bytes)})` : ''}.`,
    '',
    table(
      ['app', 'core names bundled', 'core bytes, min + gzip'],
      demo.map((app) => [`apps/${app.app}`, app.names.join(', '), bytes(app.bytes)]),
    ),
  ];
}

export function renderReport(results) {
  const { quick, groups, memory, sizes } = results;
  return [
    '# mfe-bus benchmarks',
    '',
    `Written by \`pnpm bench\` (benchmarks/src/run.js)${quick ? ' with --quick: **not representative**' : ''}.`,
    '',
    machine(results),
    '',
    "How: every contender runs its own loop in its own module instance (esbuild bundle, so no contender changes another's JIT feedback); time is process CPU time; rounds are interleaved with the order rotated; a ratio is the median of the per-round ratios of two contenders timed in the same round, with the min-max over the rounds. Each suite runs in a child process of its own. See [README.md](./README.md).",
    '',
    '## Targets',
    '',
    targets(results),
    '',
    readFileSync(new URL('./not-met.md', import.meta.url), 'utf8').trim(),
    '',
    '## Timings',
    '',
    ...groups.flatMap(timing),
    ...(memory ? ['## Memory', '', ...memoryTables(memory), ''] : []),
    ...(sizes ? ['## Size (min + gzip)', '', ...sizeTables(sizes), ''] : []),
  ].join('\n');
}
