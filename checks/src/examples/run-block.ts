import { readFileSync } from 'node:fs';
import * as core from '@mfe-bus/core';
import ts from 'typescript';
import { codeBlocks } from '../markdown';

/** The `index`th TypeScript block of the section under `heading` (a Markdown heading's text, `#`s left out). */
export function blockUnder(readme: string, heading: string, index = 0): string {
  const markdown = readFileSync(readme, 'utf8');
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start === -1) throw new Error(`no heading "${heading}" in ${readme}`);
  const end = lines.findIndex((line, at) => at > start && /^#+ /.test(line));
  const section = lines.slice(start, end === -1 ? undefined : end).join('\n');
  const block = codeBlocks(section).filter(({ lang }) => lang === 'ts')[index];
  if (!block) throw new Error(`no ts block #${index} under "${heading}" in ${readme}`);
  return block.code;
}

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;
const modules: Record<string, unknown> = { '@mfe-bus/core': core };

/**
 * Runs a README block as it is written, inside an async function: the names in `scope` stand for what the
 * README leaves to the app (its bus, handlers, `fetch`). Resolves to the block's own top-level values named in
 * `results`, so a test can check what the README says about them.
 */
export async function runBlock(
  code: string,
  scope: Record<string, unknown>,
  results: readonly string[] = [],
): Promise<Record<string, unknown>> {
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`the block imports ${name}, which this runner does not provide`);
    return modules[name];
  };
  const body = `${outputText}\nreturn { ${results.join(', ')} };`;
  const run = new AsyncFunction('require', 'exports', ...Object.keys(scope), body);
  return (await run(require, {}, ...Object.values(scope))) as Record<string, unknown>;
}
