import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../workspace';
import { declaresCatalogue, type Snippet, snippetDir, snippetsOf } from './snippet-files';
import { typeErrors } from './type-check';

const SHARED_CATALOGUE = join(ROOT, 'packages', 'test-utils', 'catalogue.d.ts');

/** `core` for packages/core/README.md, `root` for the repository's own README. */
const readmeKey = (readme: string) => (dirname(readme) === ROOT ? 'root' : basename(dirname(readme)));

/** A placeholders file, placed beside the README's blocks so its imports resolve as theirs do. */
function placeholders(readme: string, name: string): Snippet[] {
  const path = fileURLToPath(new URL(`./placeholders/${name}.d.ts`, import.meta.url));
  if (!existsSync(path)) return [];
  const fileName = join(snippetDir(readme), `placeholders-${name}.d.ts`);
  return [{ fileName, text: readFileSync(path, 'utf8'), readme: path, line: 1 }];
}

/**
 * Type errors of every TypeScript, TSX, Vue and Svelte block of a README. The blocks compile against the
 * README's own catalogue when it shows one (what its reader declares), else against the shared test catalogue
 * (`@mfe-bus/test-utils/catalogue`). Names a block uses without declaring them (an app's `bus`, a handler, a
 * component an earlier block defined) come from `placeholders/common.d.ts` and `placeholders/<readme>.d.ts`.
 */
export function readmeTypeErrors(readme: string): string[] {
  const snippets = snippetsOf(readme);
  if (snippets.length === 0) return [];
  const catalogue = snippets.some(({ text }) => declaresCatalogue(text)) ? [] : [SHARED_CATALOGUE];
  const declared = [...placeholders(readme, 'common'), ...placeholders(readme, readmeKey(readme))];
  return typeErrors([...snippets, ...declared], catalogue);
}
