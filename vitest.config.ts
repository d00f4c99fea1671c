import { defineConfig } from 'vitest/config';
import core from './packages/core/vitest.config.ts';

// Every package's and the checks' tests in one vitest run: each folder keeps its own vitest.config.ts (run alone
// with `pnpm --filter <package> test`), and a package that lands later is picked up by the glob. The browser
// tests are not here: they run after these, on their own (apps/e2e/vitest.config.ts).
const coreCoverage = core.test?.coverage ?? {};
const inCore = (patterns: string[] = []) => patterns.map((pattern) => `packages/core/${pattern}`);

export default defineConfig({
  test: {
    // vitest.peer-oldest.config.ts: a binding's tests again, on the oldest framework version its peer range declares.
    projects: ['packages/*/vitest.config.ts', 'packages/*/vitest.peer-oldest.config.ts', 'checks/vitest.config.ts'],
    // A worker per core: vitest's default (cores - 1) is one worker on a 2-core machine, which left a core idle.
    maxWorkers: '100%',
    // Coverage is measured for the whole run; the core's thresholds are the ones CI holds it to.
    coverage: {
      ...coreCoverage,
      include: inCore('include' in coreCoverage ? coreCoverage.include : []),
      exclude: inCore('exclude' in coreCoverage ? coreCoverage.exclude : []),
      reportsDirectory: 'packages/core/coverage',
      // Four lines in the run's output; `pnpm --filter @mfe-bus/core test` prints the per-file table.
      reporter: ['text-summary'],
    },
  },
});
