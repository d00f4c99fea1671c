import type { Theme } from './catalogue';

export const THEMES: readonly Theme[] = ['light', 'dark', 'contrast'];

/** The theme after `theme` in `THEMES` (wrapping round); `light` when there is none yet. */
export function nextTheme(theme: Theme | undefined): Theme {
  const index = theme === undefined ? -1 : THEMES.indexOf(theme);
  return THEMES[(index + 1) % THEMES.length] ?? 'light';
}
