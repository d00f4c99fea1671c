import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { ROOT } from '../workspace';
import type { PackedPackage } from './packed-package';

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;
const ROOT_FILES = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']);
const TEST_FILE = /(^|\/)(__tests__|test|tests)\/|\.(test|spec)\.[^/]+$|\.test-d\.ts$|(^|\/)test-[^/]*$/;
// What a build tool may leave in dist/ that is not part of the package: ng-packagr's own manifest and copies.
const NOT_BUILD_OUTPUT = /^dist\/(.*\/)?(package\.json|README\.md|LICENSE|\.npmignore|[^/]*\.tsbuildinfo)$/;

function workspaceRanges({ manifest }: PackedPackage): string[] {
  return DEPENDENCY_FIELDS.flatMap((field) =>
    Object.entries((manifest[field] ?? {}) as Record<string, string>)
      .filter(([, range]) => range.startsWith('workspace:'))
      .map(([name, range]) => `${field}.${name} is "${range}": publish with pnpm (changeset publish), never npm`),
  );
}

interface SourceMap {
  sources: string[];
  sourcesContent?: (string | null)[];
}

/** Source files the shipped maps point at, and the ones they point at that are not shipped. */
function mapSources(packed: PackedPackage): { used: Set<string>; missing: string[] } {
  const used = new Set<string>();
  const missing: string[] = [];
  for (const map of packed.files.filter((file) => file.endsWith('.map'))) {
    const { sources, sourcesContent } = JSON.parse(packed.read(map)) as SourceMap;
    sources.forEach((source, index) => {
      const file = normalize(join(dirname(map), source));
      used.add(file);
      if (!sourcesContent?.[index] && !packed.files.includes(file))
        missing.push(`${map} points at ${file}, not shipped`);
    });
  }
  return { used, missing };
}

/** A `files` entry that matches nothing (a file renamed or deleted since). */
function staleFilesEntries({ manifest, files }: PackedPackage): string[] {
  return (manifest.files ?? [])
    .filter((entry) => !entry.startsWith('!') && !entry.includes('*'))
    .filter((entry) => !files.some((file) => file === entry || file.startsWith(`${entry.replace(/\/$/, '')}/`)))
    .map((entry) => `"files" names ${entry}, which does not exist`);
}

/**
 * What is wrong with a packed package: a `workspace:` range, a missing or different LICENSE, a test file, a
 * file outside what a package ships (package.json, README.md, LICENSE, CHANGELOG.md, build output in dist/, and
 * the sources in src/ that its source maps point at), a map pointing at a file not shipped, a stale `files` entry.
 */
export function packProblems(packed: PackedPackage): string[] {
  const { used, missing } = mapSources(packed);
  const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  const expected = (file: string) =>
    ROOT_FILES.has(file) || (file.startsWith('dist/') && !NOT_BUILD_OUTPUT.test(file)) || used.has(file);
  return [
    ...workspaceRanges(packed),
    ...(packed.files.includes('LICENSE') && packed.read('LICENSE') === license
      ? []
      : ['LICENSE is missing or differs from the repository LICENSE']),
    ...packed.files.filter((file) => TEST_FILE.test(file)).map((file) => `${file} is a test file`),
    ...packed.files
      .filter((file) => !TEST_FILE.test(file) && !expected(file))
      .map((file) => `${file} is not part of the package (not build output, nor a source its maps point at)`),
    ...missing,
    ...staleFilesEntries(packed),
  ];
}
