import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export type ExportTarget = string | { [condition: string]: ExportTarget } | null;

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  files?: string[];
  exports?: Record<string, ExportTarget>;
  [field: string]: unknown;
}

export interface WorkspacePackage {
  dir: string;
  manifest: Manifest;
}

const subdirectories = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(ROOT, dir, entry.name));

/** Every package under packages/, read from disk: a package that lands later is checked without a list to update. */
export function libraryPackages(): WorkspacePackage[] {
  return subdirectories('packages')
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }));
}

/** The packages that are published (not `private`). */
export const publicPackages = (): WorkspacePackage[] => libraryPackages().filter(({ manifest }) => !manifest.private);

/** Every README a user reads: the root's, each package's and app's, the apps' overview and the benchmarks'. */
export function readmePaths(): string[] {
  const candidates = [
    join(ROOT, 'README.md'),
    ...['packages', 'apps'].flatMap((group) => [
      join(ROOT, group, 'README.md'),
      ...subdirectories(group).map((dir) => join(dir, 'README.md')),
    ]),
    join(ROOT, 'benchmarks', 'README.md'),
  ];
  return candidates.filter((path) => existsSync(path));
}

/** `packages/core/README.md`, for messages and test names. */
export const fromRoot = (path: string): string => relative(ROOT, path);
