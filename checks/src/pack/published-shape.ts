import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import type { Manifest } from '../workspace';

// The packages are ESM only (attw's esm-only profile): node10 and CommonJS resolution are not asked for.
const IGNORED_RESOLUTIONS: readonly string[] = ['node10', 'node16-cjs'];

/** Export entries that declare no types (the core's IIFE build for <script> tags): nothing for attw to check. */
function untypedEntrypoints({ exports = {} }: Manifest): string[] {
  return Object.entries(exports)
    .filter(([subpath, target]) => subpath !== './package.json' && !JSON.stringify(target).includes('"types"'))
    .map(([subpath]) => subpath);
}

/** What arethetypeswrong finds: an import of the package whose types do not resolve, or not to its JavaScript. */
export async function typeProblems(tarball: Uint8Array, manifest: Manifest): Promise<string[]> {
  const analysis = await checkPackage(createPackageFromTarballData(tarball), {
    excludeEntrypoints: untypedEntrypoints(manifest),
  });
  if (!analysis.types) return ['arethetypeswrong: the package ships no types'];
  return analysis.problems
    .filter((problem) => !('resolutionKind' in problem && IGNORED_RESOLUTIONS.includes(problem.resolutionKind)))
    .map((problem) => `arethetypeswrong: ${problem.kind} ${JSON.stringify(problem)}`);
}

/** What publint finds in strict mode (warnings count): fields and exports that point wrong. */
export async function manifestProblems(tarball: Uint8Array): Promise<string[]> {
  const { messages, pkg } = await publint({
    pack: { tarball: tarball.slice().buffer },
    strict: true,
    level: 'warning',
  });
  return messages.map((message) => `publint: ${formatMessage(message, pkg, { color: false }) ?? message.code}`);
}
