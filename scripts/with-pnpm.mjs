// Bootstraps the pinned pnpm on a machine that has only Node and npm (corepack is not usable
// everywhere), installs the workspace, then runs `pnpm <args>`. Used by `npm run demo` and `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// When `npm test` started, for the time budget that scripts/test-all.mjs reports (the install counts too).
const startedAt = String(Date.now());
const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsBin = join(root, '.tools', 'node_modules', '.bin');

function installedVersion(pnpm) {
  try {
    return execFileSync(pnpm, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function findPnpm() {
  if (installedVersion('pnpm') === wanted) return 'pnpm';
  const local = join(toolsBin, 'pnpm');
  if (!existsSync(local) || installedVersion(local) !== wanted) {
    console.log(`[mfe-bus] installing pnpm@${wanted} into .tools/`);
    execFileSync(
      'npm',
      ['install', '--prefix', join(root, '.tools'), '--no-save', '--no-audit', '--no-fund', `pnpm@${wanted}`],
      {
        stdio: 'inherit',
      },
    );
  }
  return local;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: `${toolsBin}:${process.env.PATH}`,
      TURBO_TELEMETRY_DISABLED: '1',
      MFE_BUS_TEST_STARTED_AT: startedAt,
      CI: process.env.CI ?? 'true',
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const pnpm = findPnpm();
// Errors only: a passing install has nothing to say (its progress lines, and pnpm's warning for each link to a bin
// that a package builds later, are noise).
run(pnpm, ['install', '--frozen-lockfile', '--loglevel=error']);
run(pnpm, process.argv.slice(2));
