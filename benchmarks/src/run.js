// `pnpm bench`: times @mfe-bus/core against its peers in one process, measures memory and React renders
// in child processes, sizes with size-limit, prints everything and writes benchmarks/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUICK } from './measure.js';
import { renderReport } from './report.js';
import { measureSizes } from './size.js';
import { runPubSub } from './suites/pubsub.js';
import { runRequests } from './suites/requests.js';
import { runState } from './suites/state.js';

const here = dirname(fileURLToPath(import.meta.url));
const startedAt = new Date();
const quickArgs = QUICK ? ['--quick'] : [];

function child(script, nodeArgs = []) {
  console.log(`  running ${script} in a child process...`);
  const output = execFileSync(process.execPath, [...nodeArgs, join(here, script), ...quickArgs], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output);
}

console.log('Timing (ops/s, best of the rounds):');
const timings = [...(await runPubSub()), ...(await runState()), ...(await runRequests())];
console.log('Memory:');
const memory = child('memory.js', ['--expose-gc']);
for (const row of memory.perSubscription) {
  console.log(
    `  ${row.lib.padEnd(14)} ${row.sameTopic} B/subscription (same topic), ${row.distinctTopics} B (own topic)`,
  );
}
for (const run of memory.publishNoSubscribers) {
  const last = run.samples.at(-1);
  console.log(
    `  ${run.lib.padEnd(14)} heap +${last.heapDeltaBytes} B after ${last.publishes} publishes, no subscriber`,
  );
}
console.log('React:');
const react = child('react.js', ['--expose-gc']);
for (const row of react) {
  console.log(
    `  ${row.lib.padEnd(14)} one update: ${row.medianUpdateMs.toFixed(3)} ms median, re-rendered ${row.maxRerendered}`,
  );
}
console.log('Size:');
const sizes = await measureSizes();

const failures = [];
for (const row of react) if (row.maxRerendered !== 1) failures.push(`${row.lib} re-rendered ${row.maxRerendered}`);
const busRun = memory.publishNoSubscribers.find((run) => run.lib === 'mfe-bus');
const growth = busRun.samples.at(-1).heapDeltaBytes - busRun.samples[0].heapDeltaBytes;
if (growth > 256 * 1024) failures.push(`mfe-bus heap grew by ${growth} B between checkpoints while publishing`);

const markdown = renderReport({ startedAt, finishedAt: new Date(), quick: QUICK, timings, memory, react, sizes });
if (process.argv.includes('--no-write')) {
  console.log('\n(--no-write: RESULTS.md left as it was)');
} else {
  writeFileSync(join(here, '..', 'RESULTS.md'), markdown);
  console.log('\nWrote benchmarks/RESULTS.md');
}
if (failures.length > 0) {
  console.error(`Benchmark checks failed:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
}
