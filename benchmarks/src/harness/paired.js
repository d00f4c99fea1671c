// The fair comparison every timing here uses:
// - each contender brings its own loop function, in its own module instance (see instance.js): a loop or a
//   library shared by several contenders makes its call sites polymorphic and slows all of them;
// - time is process CPU time (user + system), not wall time: the machines are shared;
// - rounds are interleaved, the contenders' order rotated every round;
// - a ratio is the median of per-round paired ratios (both sides timed in the same round), with its min and max.
import { cpuUsage } from 'node:process';

export const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 5 : 15;
const TARGET_MS = QUICK ? 10 : 40;

/** Empties the young generation between samples, so one contender's garbage is not collected in another's time. */
const collectYoung = typeof globalThis.gc === 'function' ? () => globalThis.gc({ type: 'minor' }) : () => {};

/** CPU microseconds `run(n)` takes (awaited when it returns a promise). */
async function cpuMicros(run, n) {
  collectYoung();
  const start = cpuUsage();
  await run(n);
  const used = cpuUsage(start);
  return used.user + used.system;
}

/** Operations per call of `run` that take about `targetMs` of CPU, from one call that takes at least a quarter of it. */
async function estimate(run, targetMs) {
  for (let n = 1; ; n *= 4) {
    const micros = await cpuMicros(run, n);
    if (micros >= targetMs * 250 || n >= 2 ** 30) return Math.max(1, Math.round((n * targetMs * 1000) / micros));
  }
}

/**
 * `estimate`, repeated until two estimates agree within 1.5x: the first ones of a fresh instance are too low
 * (lazy compilation, JIT tier-ups), so this also warms `run` up.
 */
async function calibrate(run, targetMs) {
  let previous = await estimate(run, targetMs);
  for (let attempt = 0; attempt < 8; attempt++) {
    const size = await estimate(run, targetMs);
    if (size < previous * 1.5 && size > previous / 1.5) return Math.max(size, previous);
    previous = size;
  }
  return previous;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The median, min and max of `values`. */
export const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/**
 * @typedef {{ name: string, run: (n: number) => unknown }} Contender `run(n)` does n operations in its own loop
 * @typedef {{ name: string, perRound: number[], opsPerSec: number }} Timing ops/s of each round, and their median
 */

/**
 * Times `contenders` against each other (the first is the baseline of the printed ratios).
 * @param {string} title
 * @param {Contender[]} contenders
 * @returns {Promise<{ title: string, rows: Timing[] }>}
 */
export async function compare(title, contenders, { rounds = ROUNDS, targetMs = TARGET_MS } = {}) {
  const sizes = [];
  for (const contender of contenders) sizes.push(await calibrate(contender.run, targetMs));
  const perRound = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const index = (i + round) % contenders.length;
      const micros = await cpuMicros(contenders[index].run, sizes[index]);
      perRound[index].push((sizes[index] * 1e6) / Math.max(micros, 1));
    }
  }
  const rows = contenders.map((contender, index) => ({
    name: contender.name,
    perRound: perRound[index],
    opsPerSec: median(perRound[index]),
  }));
  console.log(`  ${title}`);
  for (const row of rows) {
    const { median: ratio, min, max } = paired(row, rows[0]);
    console.log(
      `    ${row.name.padEnd(46)} ${formatOps(row.opsPerSec).padStart(10)} ops/s  ` +
        `${ratio.toFixed(2)}x (${min.toFixed(2)}-${max.toFixed(2)})`,
    );
  }
  return { title, rows };
}

/** Per-round ratios a ÷ b of two timings from the same `compare` (above 1: a is faster): median, min, max. */
export function paired(a, b) {
  return spread(a.perRound.map((ops, round) => ops / b.perRound[round]));
}

/** Microseconds per operation of one timing, over its rounds: median, min, max. */
export function microsPerOp(timing) {
  return spread(timing.perRound.map((ops) => 1e6 / ops));
}

export function formatOps(ops) {
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(2)} M`;
  if (ops >= 1e3) return `${(ops / 1e3).toFixed(1)} k`;
  return ops.toFixed(1);
}
