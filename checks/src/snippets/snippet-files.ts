import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { codeBlocks } from '../markdown';

/** A README code block as the file a reader would paste it into. */
export interface Snippet {
  /** A virtual file next to the README, so imports resolve from that package's own dependencies. */
  fileName: string;
  text: string;
  readme: string;
  /** README line of the block's first line. */
  line: number;
}

const EXTENSIONS: Record<string, string> = { ts: '.ts', tsx: '.tsx', vue: '.vue', svelte: '.svelte' };

// A block that starts by naming its file (`// bus-catalogue.d.ts`, `<!-- App.svelte, the root -->`) is that
// file: other blocks may import it (`import { contracts } from './contracts'`).
const NAMED_FILE = /^(?:\/\/|<!--)\s*([\w.-]+\.(?:ts|tsx|vue|svelte))\b/;

/** Declares the catalogue: checked exactly as written, since `export {}` decides whether it augments or replaces. */
export const declaresCatalogue = (text: string): boolean => /declare module ['"]@mfe-bus\/core['"]/.test(text);

function asModule(code: string, fileName: string): string {
  if (fileName.endsWith('.d.ts') || !/\.tsx?$/.test(fileName) || declaresCatalogue(code)) return code;
  // A fragment pasted into a module of its own: its names do not collide with other blocks'.
  return `${code}\nexport {};\n`;
}

/** Where a README's blocks live, virtually: next to it, so they resolve what that package depends on. */
export const snippetDir = (readme: string): string =>
  join(dirname(readme), '.readme-snippets', basename(readme, '.md'));

/** The TypeScript, TSX, Vue and Svelte blocks of a README. */
export function snippetsOf(readme: string): Snippet[] {
  const dir = snippetDir(readme);
  const taken = new Set<string>();
  return codeBlocks(readFileSync(readme, 'utf8')).flatMap(({ lang, code, line }) => {
    const extension = EXTENSIONS[lang];
    if (!extension) return [];
    const named = NAMED_FILE.exec(code)?.[1];
    const name = named && !taken.has(named) ? named : `line-${line}${extension}`;
    taken.add(name);
    const fileName = join(dir, name);
    return [{ fileName, text: asModule(code, fileName), readme, line }];
  });
}
