import { dirname, join } from 'node:path';
import { proxyCreateProgram } from '@volar/typescript';
import { createVueLanguagePlugin, getDefaultCompilerOptions } from '@vue/language-core';
import ts from 'typescript';
import { fromRoot, ROOT } from '../workspace';
import { builtPackagePaths } from './package-types';
import type { Snippet } from './snippet-files';
import { type SvelteAsScript, svelteAsScript, svelteShims } from './svelte-as-script';

/** The repository's own strict settings, but resolving packages to their builds instead of their sources. */
function compilerOptions(): ts.CompilerOptions {
  const base = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile).config;
  const { options } = ts.convertCompilerOptionsFromJson(base.compilerOptions, ROOT);
  return {
    ...options,
    customConditions: [],
    paths: builtPackagePaths(),
    types: [],
    jsx: ts.JsxEmit.ReactJSX,
    experimentalDecorators: true, // as Angular projects compile
    noEmit: true,
    allowNonTsExtensions: true, // .vue root files, as Volar's language server sets it
  } as ts.CompilerOptions;
}

// Declaration files and packages parse once for every README.
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** A TypeScript file for each Svelte block; every other block is read by TypeScript (or Volar, for Vue) as it is. */
function scriptsOf(snippets: Snippet[]): { files: Map<string, string>; svelte: Map<string, SvelteAsScript> } {
  const files = new Map<string, string>();
  const svelte = new Map<string, SvelteAsScript>();
  for (const snippet of snippets) {
    if (!snippet.fileName.endsWith('.svelte')) {
      files.set(snippet.fileName, snippet.text);
      continue;
    }
    const script = svelteAsScript(snippet);
    files.set(script.fileName, script.code);
    svelte.set(script.fileName, script);
  }
  return { files, svelte };
}

function hostFor(options: ts.CompilerOptions, files: Map<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const { fileExists, directoryExists, readFile, getSourceFile } = host;
  const directories = new Set([...files.keys()].map((fileName) => dirname(fileName)));
  host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName);
  host.directoryExists = (dir) => directories.has(dir) || (directoryExists?.(dir) ?? true);
  host.readFile = (fileName) => files.get(fileName) ?? readFile(fileName);
  host.getSourceFile = (fileName, language, onError) => {
    const text = files.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, language, true);
    if (!parsedFiles.has(fileName)) parsedFiles.set(fileName, getSourceFile(fileName, language, onError));
    return parsedFiles.get(fileName);
  };
  return host;
}

// Vue blocks go through Volar, as vue-tsc does: it turns each .vue file into TypeScript, template included.
const createProgram = proxyCreateProgram(ts, ts.createProgram, (_ts, { options }) => [
  createVueLanguagePlugin(ts, options, getDefaultCompilerOptions(), (id) => id),
]);

/** Where a diagnostic points in the README: the block's line plus the line inside the block. */
function readmeLocation(diagnostic: ts.Diagnostic, snippets: Snippet[], svelte: Map<string, SvelteAsScript>): string {
  const { file, start } = diagnostic;
  if (!file || start === undefined) return 'global';
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  const script = svelte.get(file.fileName);
  const snippet = script?.snippet ?? snippets.find(({ fileName }) => fileName === file.fileName);
  if (!snippet) return `${fromRoot(file.fileName)}:${line + 1}`;
  const lineInBlock = script ? script.originalLine(line, character) : line;
  return `${fromRoot(snippet.readme)}:${snippet.line + (lineInBlock ?? 0)}`;
}

/**
 * Type-checks a README's blocks in one program, next to `extraRoots` (a catalogue, the placeholders the blocks
 * use without declaring them). Returns one line per error: README location, code and message.
 */
export function typeErrors(snippets: Snippet[], extraRoots: string[]): string[] {
  const options = compilerOptions();
  const { files, svelte } = scriptsOf(snippets);
  const rootNames = [...extraRoots, ...(svelte.size > 0 ? svelteShims() : []), ...files.keys()];
  const program = createProgram({ rootNames, options, host: hostFor(options, files) });
  const checked = [...files.keys(), ...extraRoots].flatMap((fileName) => program.getSourceFile(fileName) ?? []);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  return diagnostics.map(
    (diagnostic) =>
      `${readmeLocation(diagnostic, snippets, svelte)}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
  );
}
