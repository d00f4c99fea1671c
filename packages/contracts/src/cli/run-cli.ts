import { readFileSync } from 'node:fs';
import { manifestChanges } from './manifest-changes';
import { readManifest } from './read-manifest';

export const USAGE = `Usage: mfe-bus-contracts check <old-manifest.json> <new-manifest.json> [--accept-major]

Lists the changes between two manifests written from contractsManifest() and exits with
  0  no breaking change
  1  at least one breaking change
  2  wrong arguments or a file that is not a manifest
--accept-major: breaking changes to a key whose major version went up are listed but do not fail.`;

/** Exit codes of `mfe-bus-contracts`. */
export const EXIT = { ok: 0, breaking: 1, usage: 2 } as const;

interface Output {
  out(line: string): void;
  error(line: string): void;
}

function load(file: string) {
  try {
    return readManifest(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs the command line `args` (without `node` and the script); returns the exit code. */
export function runCli(args: readonly string[], { out, error }: Output): number {
  const files = args.filter((arg) => !arg.startsWith('--'));
  const flags = args.filter((arg) => arg.startsWith('--'));
  const [command, before, after] = files;
  if (command !== 'check' || !before || !after || files.length > 3 || flags.some((flag) => flag !== '--accept-major')) {
    error(USAGE);
    return EXIT.usage;
  }
  let changes: ReturnType<typeof manifestChanges>;
  try {
    changes = manifestChanges(load(before), load(after), { acceptMajor: flags.includes('--accept-major') });
  } catch (failure) {
    error(`mfe-bus-contracts: ${failure instanceof Error ? failure.message : String(failure)}`);
    return EXIT.usage;
  }
  for (const { breaking, section, key, message } of changes) {
    out(`${breaking ? 'BREAKING' : 'ok      '}  ${section} ${JSON.stringify(key)}: ${message}`);
  }
  const count = changes.filter((change) => change.breaking).length;
  out(count ? `${count} breaking change${count === 1 ? '' : 's'}` : 'no breaking changes');
  return count ? EXIT.breaking : EXIT.ok;
}
