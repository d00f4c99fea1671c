import { byTestId, el } from './dom';
import { ORDER_NAMES } from './plan';

/** Names the `?order=` entries that are no remote (a typo loads the others, and says so). */
export function showUnknownRemotes(unknown: readonly string[]): void {
  if (unknown.length === 0) return;
  const names = unknown.map((name) => `"${name}"`).join(', ');
  const text =
    `?order= names ${unknown.length === 1 ? 'an unknown remote' : 'unknown remotes'}: ${names}. ` +
    `It knows ${ORDER_NAMES.join(', ')}; the others load as planned.`;
  byTestId('remotes').before(el('p', { class: 'plan-notice', role: 'alert', 'data-testid': 'plan-notice' }, text));
}
