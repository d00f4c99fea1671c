// Runs every package's tests through turbo (continuing past failures so one package cannot hide
// another), then sums the per-package vitest JSON reports into the one line CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceDirs = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')));
const reportOf = (dir) => join(dir, 'test-results.json');

for (const dir of workspaceDirs) rmSync(reportOf(dir), { force: true });

// The browser tests run last, on their own: they measure load orders and delays, and sharing two cores
// with four jsdom suites made a slow CI machine miss their timing by seconds.
const browserTests = '@mfe-bus-demo/e2e';
const turbo = (filter) =>
  spawnSync('turbo', ['run', 'test', '--continue', `--filter=${filter}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  }).status;
const turboStatus = [turbo(`!${browserTests}`), turbo(browserTests)].every((status) => status === 0) ? 0 : 1;

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const dir of workspaceDirs) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!pkg.scripts?.test) continue;
  if (!existsSync(reportOf(dir))) {
    missing.push(pkg.name);
    continue;
  }
  const report = JSON.parse(readFileSync(reportOf(dir), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(`${pkg.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
for (const name of missing) console.log(`${name}: no test report (the test run crashed before reporting)`);

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(turboStatus === 0 && failed === 0 && missing.length === 0 && passed > 0 ? 0 : 1);
