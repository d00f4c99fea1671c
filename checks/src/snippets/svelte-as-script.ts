import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { parse, VERSION } from 'svelte/compiler';
import { svelte2tsx } from 'svelte2tsx';
import type { Snippet } from './snippet-files';

/** A Svelte block as the TypeScript (or JavaScript) that svelte-check type-checks for it. */
export interface SvelteAsScript {
  fileName: string;
  code: string;
  snippet: Snippet;
  /** The block's line (0-based) for a position in `code`. */
  originalLine(line: number, character: number): number | undefined;
}

const require = createRequire(import.meta.url);

/** The declarations svelte-check adds to every program: Svelte's globals and its HTML element types. */
export function svelteShims(): string[] {
  const shims = dirname(require.resolve('svelte2tsx/package.json'));
  const svelte = dirname(require.resolve('svelte/package.json'));
  return [join(shims, 'svelte-shims-v4.d.ts'), join(shims, 'svelte-native-jsx.d.ts'), join(svelte, 'svelte-html.d.ts')];
}

export function svelteAsScript(snippet: Snippet): SvelteAsScript {
  const isTsFile = /<script[^>]*\blang=["']ts["']/.test(snippet.text);
  const { code, map } = svelte2tsx(snippet.text, {
    parse,
    version: VERSION,
    filename: snippet.fileName,
    isTsFile,
    mode: 'ts',
    emitOnTemplateError: false,
  });
  const trace = new TraceMap(map as never);
  return {
    fileName: `${snippet.fileName}.ts`,
    code,
    snippet,
    originalLine: (line, column) => {
      const original = originalPositionFor(trace, { line: line + 1, column });
      return original.line === null ? undefined : original.line - 1;
    },
  };
}
