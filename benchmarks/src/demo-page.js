// The core bytes a demo page loads: the shell and the four remotes each bundle their own copy of @mfe-bus/core,
// tree-shaken to what that app uses. Measured as core's build bundled with exactly the names each app imports
// from core, directly or through its binding (which re-exports core), plus the names the binding's own code imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@mfe-bus/core';

const appsDir = fileURLToPath(new URL('../../apps/', import.meta.url));
const packagesDir = fileURLToPath(new URL('../../packages/', import.meta.url));
/** App → the binding it bundles (the shell uses core alone). */
const APPS = {
  shell: null,
  'remote-react': 'react',
  'remote-vue': 'vue',
  'remote-svelte': 'svelte',
  'remote-angular': 'angular',
};
const IMPORT = /import\s+(type\s+)?(\{[^}]*\}|\*\s+as\s+\w+)\s*from\s*['"]@mfe-bus\/([\w-]+)['"]/g;

/** Value names imported from @mfe-bus/<package> in `source` ('*' for a namespace import). */
function importedNames(source, packages) {
  const names = [];
  for (const [, typeOnly, clause, pkg] of source.matchAll(IMPORT)) {
    if (typeOnly || !packages.includes(pkg)) continue;
    if (clause.startsWith('*')) names.push('*');
    for (const specifier of clause.slice(1, -1).split(',')) {
      const name = specifier.trim().split(/\s+as\s+/)[0];
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

const sourceFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && /\.(ts|tsx|vue|svelte)$/.test(entry.name) && !/\.test[.-]|^test-/.test(entry.name),
    )
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

const bindingImportsOfCore = (binding) =>
  sourceFiles(join(packagesDir, binding, 'src')).flatMap((source) => importedNames(source, ['core']));

/** One size check per app: core's build with the names that app bundles. */
export function demoPageChecks(coreFile) {
  return Object.entries(APPS).map(([app, binding]) => {
    const fromApp = sourceFiles(join(appsDir, app, 'src')).flatMap((source) =>
      importedNames(source, binding ? ['core', binding] : ['core']),
    );
    const wanted = new Set([...fromApp, ...(binding ? bindingImportsOfCore(binding) : [])]);
    const names = wanted.has('*') ? Object.keys(core) : Object.keys(core).filter((name) => wanted.has(name));
    return { app, names, file: coreFile, import: `{ ${names.join(', ')} }` };
  });
}
