import { describe, expect, inject, it } from 'vitest';
import { REMOTES } from './support/remotes';

// One per copy of the core: where it makes its registry key. Not the `globalThis[Symbol.for('mfe-bus')]`
// that getBus()'s warning text quotes.
const CORE_GLOBAL_KEY = /(?<!globalThis\[)Symbol\.for\((["'`])mfe-bus\1\)/g;
const STATIC_IMPORT = /(^|[;\n}])\s*import\s*[\w{*$]|\bfrom\s*["'`][^"'`]+["'`]\s*;?\s*$/m;

async function fetchText(path: string): Promise<string> {
  const response = await fetch(new URL(path, inject('demoUrl')));
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  return response.text();
}

describe('the bundles the page loads', () => {
  it.each(REMOTES)('remote-%s is one self-contained ES module with its own copy of @mfe-bus/core', async (name) => {
    const code = await fetchText(`remotes/${name}/remote.js`);
    expect(code).not.toMatch(STATIC_IMPORT);
    expect(code.match(CORE_GLOBAL_KEY)).toHaveLength(1);
    expect(code).toMatch(/export\s*\{[^}]*\bmount\b/);
  });

  it('the shell carries its own copy too, and loads the remotes only at run time', async () => {
    const html = await (await fetch(inject('demoUrl'))).text();
    const script = /<script type="module" crossorigin src="\/([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const code = await fetchText(script as string);
    expect(code.match(CORE_GLOBAL_KEY)).toHaveLength(1);
    for (const name of REMOTES) expect(code).not.toContain(`${name}-add-to-cart`);
    expect(code).toContain('remote.js');
  });
});
