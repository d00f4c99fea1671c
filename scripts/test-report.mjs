// Reads the vitest JSON reports of a test run and counts them per workspace package, for the summary that
// scripts/test-all.mjs prints (its last line, "N passed, N failed, N skipped", is what CI reads).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The workspace package a test file belongs to: the nearest package.json above it. */
function packageOf(root, file) {
  for (let dir = dirname(file); dir.startsWith(root) && dir !== root; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).name ?? relative(root, dir);
  }
  return relative(root, file);
}

const count = (assertions, status) => assertions.filter((assertion) => assertion.status === status).length;

/**
 * Counts per package of the given JSON reports, in report order. A report that is missing (its run crashed
 * before writing it) is listed in `missing`.
 */
export function readReports(root, reports) {
  const packages = new Map();
  const missing = [];
  for (const [label, file] of reports) {
    if (!existsSync(file)) {
      missing.push(label);
      continue;
    }
    for (const { name, status, assertionResults } of JSON.parse(readFileSync(file, 'utf8')).testResults) {
      const entry = packages.get(packageOf(root, name)) ?? { passed: 0, failed: 0, skipped: 0 };
      entry.passed += count(assertionResults, 'passed');
      // A file that failed to load reports no assertion: it counts as one failure.
      entry.failed +=
        count(assertionResults, 'failed') + (status === 'failed' && assertionResults.length === 0 ? 1 : 0);
      entry.skipped +=
        count(assertionResults, 'skipped') + count(assertionResults, 'pending') + count(assertionResults, 'todo');
      packages.set(packageOf(root, name), entry);
    }
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const entry of packages.values()) for (const key of Object.keys(total)) total[key] += entry[key];
  return { packages, total, missing };
}
