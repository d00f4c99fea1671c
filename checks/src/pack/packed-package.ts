import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { Manifest } from '../workspace';

/** What a registry would get: the files of the tarball and its package.json. */
export interface PackedPackage {
  /** Paths inside the package, `dist/index.js`. */
  files: string[];
  manifest: Manifest;
  read(file: string): string;
  /** The tarball itself, as a registry would store it. */
  tarball: Uint8Array;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/**
 * Packs `dir` the way it is published, with `pnpm pack` (which, unlike `npm pack`, rewrites `workspace:`
 * ranges), and unpacks the tarball. Call `dispose()` when done.
 */
export async function packPackage(dir: string): Promise<PackedPackage & { dispose(): void }> {
  const into = mkdtempSync(join(tmpdir(), 'mfe-bus-pack-'));
  await promisify(execFile)('pnpm', ['pack', '--pack-destination', into], { cwd: dir });
  const tarball = readdirSync(into).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack left no tarball for ${dir}`);
  execFileSync('tar', ['-xzf', tarball], { cwd: into });
  const root = join(into, 'package');
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  return {
    files: filesUnder(root).sort(),
    manifest: JSON.parse(read('package.json')) as Manifest,
    read,
    tarball: new Uint8Array(readFileSync(join(into, tarball))),
    dispose: () => rmSync(into, { recursive: true, force: true }),
  };
}
