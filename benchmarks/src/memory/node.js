// Memory, in a child process run with --expose-gc (a heap of its own); sends its rows to src/run.js.
// Heap readings are `heapUsed` after two full GCs.
import { freshInstance } from '../harness/instance.js';
import { counts, heapWhilePublishing, LIBRARIES, subscriptionRow } from './heap-probes.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const QUICK = process.argv.includes('--quick');
const { publishes } = counts(QUICK);

function heapUsed() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const rows = { perSubscription: [], publishNoSubscriber: [] };
for (const [name, module] of LIBRARIES) {
  const { memory } = await freshInstance(module);
  const row = subscriptionRow(name, memory, heapUsed, QUICK);
  rows.perSubscription.push(row);
  rows.publishNoSubscriber.push({ name, samples: heapWhilePublishing(memory, heapUsed, publishes) });
  if (name === 'mfe-bus') {
    rows.publishNoSubscriber.push({
      name: 'mfe-bus, replayWindowMs: 0',
      samples: heapWhilePublishing(memory, heapUsed, publishes, { replayWindowMs: 0 }),
    });
  }
  console.log(
    `  memory ${name.padEnd(28)} ${row.oneTopic} B/subscription (one topic), ${row.ownTopic} B (own topic), ` +
      `${row.heldAfterUnsubscribe} B held after unsubscribe; heap ${rows.publishNoSubscriber.at(-1).samples.at(-1).bytes} B after ${publishes} publishes`,
  );
}
if (process.send) process.send(rows, () => process.disconnect());
