// Svelte 4 declares its types as `declare module 'svelte/compiler'`, which the `svelte4` alias cannot reach;
// vitest.config.ts needs only this much of it.
declare module 'svelte4/compiler' {
  export function compile(
    source: string,
    options: { filename: string; css: 'injected' },
  ): { js: { code: string; map: import('vite').Rollup.SourceMapInput } };
}
