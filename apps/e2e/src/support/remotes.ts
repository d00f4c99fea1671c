/** The remotes the tests expect to find built and mounted (all of them, in the shell's default order). */
export const REMOTES = ['react', 'vue', 'svelte', 'angular'] as const satisfies readonly (
  | 'react'
  | 'vue'
  | 'svelte'
  | 'angular'
)[];
export type Remote = (typeof REMOTES)[number];
/** How the shell names each remote on its card. */
export const TITLE: Record<Remote, string> = { react: 'React', vue: 'Vue', svelte: 'Svelte', angular: 'Angular' };

export const PERMISSIONS = 'cart:write, orders:read, profile:edit';
export const USER = 'Ada Lovelace';
export const THEMES = ['light', 'dark', 'contrast'] as const;

export const nextTheme = (theme: string) => THEMES[(THEMES.indexOf(theme as never) + 1) % THEMES.length] ?? 'light';
