// `pnpm test:all` (what `npm test` and CI run): each stage with its progress and time, then the counts per
// package, the time against the budget, and the line CI reads: "N passed, N failed, N skipped". Exits non-zero
// when a stage fails or a test fails. The budget is reported, never enforced: a slow machine fails no test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReports } from './test-report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scriptStartedAt = Date.now();
const BUDGET_MS = 4 * 60_000;
const reportsDir = join(root, 'test-results');
const reports = [
  ['unit tests', join(reportsDir, 'unit.json')],
  ['browser tests', join(reportsDir, 'browser.json')],
];

// Piped output (CI, a log file) gets no colour codes; a terminal keeps them.
const color = process.stdout.isTTY === true;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', ...(color ? {} : { NO_COLOR: '1', FORCE_COLOR: '0' }) };
const json = (file) => ['--reporter=json', `--outputFile.json=${file}`];

const stages = [
  { name: 'chromium', command: ['node', 'scripts/ensure-chromium.mjs'], required: true },
  {
    name: 'build, typecheck, lint',
    // Only a failing task's output is shown (turbo's cache replays would repeat the rest). One task per core: on 2
    // cores that takes 30 % less CPU and time than turbo's default of 10 tasks at once, which fight over the cores.
    command: [
      'turbo',
      'run',
      'build',
      'typecheck',
      'lint',
      '--concurrency=100%',
      '--output-logs=errors-only',
      color ? '--color' : '--no-color',
    ],
    required: true,
  },
  { name: 'biome', command: ['biome', 'check', '.', ...(color ? [] : ['--colors=off'])], required: true },
  {
    name: 'unit tests',
    // One vitest run for every package (vitest.config.ts lists them); core's coverage thresholds apply.
    // What a passing test logs is not shown (--silent=passed-only); a failing test's logs are.
    command: ['vitest', 'run', '--coverage', '--silent=passed-only', '--reporter=dot', ...json(reports[0][1])],
  },
  {
    // After the unit tests, alone: they drive Chromium against the built demo.
    name: 'browser tests',
    command: [
      'vitest',
      'run',
      '--root',
      'apps/e2e',
      '--silent=passed-only',
      '--reporter=default',
      ...json(reports[1][1]),
    ],
  },
];

const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const log = (line) => console.log(`[mfe-bus] ${line}`);

function runStage({ name, command: [program, ...args] }) {
  log(`${name}: ${[program, ...args].join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(program, args, { cwd: root, stdio: 'inherit', env });
  const ms = Date.now() - started;
  log(`${name}: ${status === 0 ? 'done' : `failed (exit ${status})`} in ${seconds(ms)}`);
  return { name, ms, ok: status === 0 };
}

rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });

const done = [];
for (const stage of stages) {
  const result = runStage(stage);
  done.push(result);
  if (!result.ok && stage.required) break;
}

const { packages, total, missing } = readReports(
  root,
  reports.filter(([label]) => done.some(({ name }) => name === label)),
);
for (const [name, { passed, failed, skipped }] of packages) {
  log(`${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
for (const label of missing) log(`${label}: no report (the run crashed before writing it)`);

// Since `npm test` started when scripts/with-pnpm.mjs says when (so the install counts), else since this script did.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by this script, which turbo does not run
const startedAt = Number(process.env.MFE_BUS_TEST_STARTED_AT) || scriptStartedAt;
const elapsed = Date.now() - startedAt;
const install = scriptStartedAt > startedAt ? [{ name: 'install', ms: scriptStartedAt - startedAt }] : [];
const stageTimes = [...install, ...done].map(({ name, ms }) => `${name} ${seconds(ms)}`).join(', ');
const verdict = elapsed <= BUDGET_MS ? 'within' : `over by ${seconds(elapsed - BUDGET_MS)}`;
log(`time: ${seconds(elapsed)}, ${verdict} the ${seconds(BUDGET_MS)} budget (${stageTimes})`);

console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
const ok = done.length === stages.length && done.every((stage) => stage.ok) && missing.length === 0;
process.exit(ok && total.failed === 0 && total.passed > 0 ? 0 : 1);
