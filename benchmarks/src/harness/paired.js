// The fair comparison every benchmark here uses:
// - each contender brings its own loop function (a shared adapter loop makes the call sites megamorphic);
// - time is process CPU time (user + system), not wall time: the machines are shared;
// - rounds are interleaved, the contenders' order rotated every round;
// - the reported ratio is the median of per-round paired ratios (contender ÷ baseline, both timed in the
//   same round), with its min and max.
import { cpuUsage } from 'node:process';

export const QUICK = process.argv.includes('--quick');

/** Keeps the work observable so the JIT cannot drop it. */
export const sink = { value: 0 };

/** CPU microseconds `run(n)` takes (awaited when it returns a promise). */
async function cpuMicros(run, n) {
  const start = cpuUsage();
  await run(n);
  const used = cpuUsage(start);
  return used.user + used.system;
}

/** Operations per call of `run` that take about `targetMs` of CPU. */
async function calibrate(run, targetMs) {
  let n = 1;
  for (;;) {
    const micros = await cpuMicros(run, n);
    if (micros >= targetMs * 250 || n >= 2 ** 30)
      return Math.max(1, Math.round((n * targetMs * 1000) / Math.max(micros, 1)));
    n *= 4;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Times `contenders` (the first is the baseline) against each other.
 * @param {string} title
 * @param {{ name: string, run: (n: number) => void | Promise<void> }[]} contenders `run(n)` does n operations
 *   in its own loop
 * @returns {Promise<{ title: string, rows: { name: string, opsPerSec: number, ratio: number, min: number, max: number }[] }>}
 */
export async function compare(title, contenders, { rounds = QUICK ? 5 : 21, targetMs = QUICK ? 20 : 50 } = {}) {
  const sizes = [];
  for (const contender of contenders) {
    await contender.run(1000); // warm up before calibrating
    sizes.push(await calibrate(contender.run, targetMs));
  }
  const opsPerSec = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const index = (i + round) % contenders.length;
      const micros = await cpuMicros(contenders[index].run, sizes[index]);
      opsPerSec[index].push((sizes[index] * 1e6) / Math.max(micros, 1));
    }
  }
  const rows = contenders.map((contender, index) => {
    const ratios = opsPerSec[index].map((ops, round) => ops / opsPerSec[0][round]);
    return {
      name: contender.name,
      opsPerSec: median(opsPerSec[index]),
      ratio: median(ratios),
      min: Math.min(...ratios),
      max: Math.max(...ratios),
    };
  });
  for (const row of rows) {
    console.log(
      `  ${title.padEnd(34)} ${row.name.padEnd(34)} ${formatOps(row.opsPerSec).padStart(10)} ops/s  ` +
        `${row.ratio.toFixed(2)}x (${row.min.toFixed(2)}-${row.max.toFixed(2)})`,
    );
  }
  return { title, rows };
}

export function formatOps(ops) {
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(2)} M`;
  if (ops >= 1e3) return `${(ops / 1e3).toFixed(1)} k`;
  return ops.toFixed(1);
}
