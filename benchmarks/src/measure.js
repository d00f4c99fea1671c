import { Bench } from 'tinybench';

/** `--quick` shortens every timing (for trying the script out); the committed RESULTS.md uses the full run. */
export const QUICK = process.argv.includes('--quick');

/** Keeps handlers' work observable so the JIT cannot drop it. */
export const sink = { value: 0 };

/**
 * Times a group of comparable tasks in the same process. Each task's function does `batch` operations per
 * call, so the timer's own cost is spread over many operations; a task's ops/s is `batch / median time per
 * call`. The machine is shared, so the group runs in several rounds (task order rotated each round) and
 * each task keeps its best round: the least disturbed one.
 *
 * @param {string} title
 * @param {{ lib: string, variant?: string, batch: number, fn: () => unknown }[]} tasks
 * @returns {Promise<{ group: string, lib: string, variant: string, opsPerSec: number, rme: number }[]>}
 */
export async function measure(title, tasks) {
  const rounds = QUICK ? 1 : 5;
  const best = tasks.map(() => ({ opsPerSec: 0, rme: 0 }));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({
      name: title,
      time: QUICK ? 80 : 200,
      warmupTime: QUICK ? 20 : 60,
      iterations: QUICK ? 8 : 16,
      throws: true,
    });
    const order = tasks.map((_, index) => (index + round) % tasks.length);
    for (const index of order) bench.add(String(index), tasks[index].fn);
    await bench.run();
    for (const benchTask of bench.tasks) {
      const index = Number(benchTask.name);
      const { result } = benchTask;
      if (!('latency' in result)) throw new Error(`${title} / ${label(tasks[index])}: ${result.state}`);
      const opsPerSec = (tasks[index].batch * 1000) / result.latency.p50;
      if (opsPerSec > best[index].opsPerSec) best[index] = { opsPerSec, rme: result.latency.rme };
    }
  }
  const rows = tasks.map((task, index) => ({
    group: title,
    lib: task.lib,
    variant: task.variant ?? '',
    ...best[index],
  }));
  for (const row of rows) {
    const name = row.variant ? `${row.lib} (${row.variant})` : row.lib;
    const ops = formatOps(row.opsPerSec).padStart(12);
    console.log(`  ${title.padEnd(36)} ${name.padEnd(36)} ${ops} ops/s ±${row.rme.toFixed(1)}%`);
  }
  return rows;
}

function label(task) {
  return task.variant ? `${task.lib} (${task.variant})` : task.lib;
}

export function formatOps(ops) {
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(2)} M`;
  if (ops >= 1e3) return `${(ops / 1e3).toFixed(1)} k`;
  return ops.toFixed(1);
}

/** Distinct closures, so N subscribers are N different functions (as in an app). */
export function makeHandlers(count, read = (payload) => payload.n) {
  return Array.from({ length: count }, () => (payload) => {
    sink.value += read(payload);
  });
}
