import { bridgeTabs } from '@mfe-bus/bridge';
import { pageBus } from './bus';
import { byTestId, el } from './dom';

/**
 * "Open in new tab": this tab and the new one (and any later one opened from either) bridge their buses over a
 * BroadcastChannel, so signing in or out, a token refresh and the theme follow in every tab. A page opened
 * with `?tabs` bridges at once; another starts when its link is used.
 */
export function setUpTabs(search: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('tabs', '');
  const link = el('a', { href: url.href, target: '_blank', 'data-testid': 'open-tab' }, 'Open in new tab');
  byTestId('logout').after(link);

  let bridged = false;
  const start = () => {
    if (bridged) return;
    bridged = true;
    bridgeTabs(pageBus, { channel: 'mfe-bus-demo', share: { events: ['auth:*'], state: ['user', 'auth', 'theme'] } });
  };
  link.addEventListener('click', start);
  if (new URLSearchParams(search).has('tabs')) start();
}
