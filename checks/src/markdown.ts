/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The info string's first word (`ts`, `tsx`, `vue`, `svelte`, `sh`, …), or '' when there is none. */
  lang: string;
  code: string;
  /** 1-based line of the block's first code line in the Markdown file. */
  line: number;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;

/** Every fenced code block, in order. Indented fences (inside list items) count too. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !(lines[end] ?? '').trimStart().startsWith(fence)) {
      body.push((lines[end] ?? '').slice(indent.length));
      end += 1;
    }
    blocks.push({ lang, code: body.join('\n'), line: index + 2 });
    index = end;
  }
  return blocks;
}
