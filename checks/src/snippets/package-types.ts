import { join } from 'node:path';
import { type ExportTarget, libraryPackages } from '../workspace';

function typesOf(target: ExportTarget): string | undefined {
  if (target === null || typeof target === 'string') return undefined;
  if (typeof target.types === 'string') return target.types;
  for (const nested of Object.values(target)) {
    const types = typesOf(nested);
    if (types) return types;
  }
  return undefined;
}

/**
 * `paths` that send every `@mfe-bus/*` import (and subpath export) to its built declarations, whichever
 * package the importing README belongs to: what a user of the published packages compiles against.
 */
export function builtPackagePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const { dir, manifest } of libraryPackages()) {
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const types = typesOf(target);
      if (types) paths[join(manifest.name, subpath)] = [join(dir, types)];
    }
  }
  return paths;
}
