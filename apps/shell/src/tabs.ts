import { bridgeTabs } from '@mfe-bus/bridge';
import { pageBus } from './bus';
import { byTestId, el, setText } from './dom';

/**
 * "Open in new tab": this tab and the new one (and any later one opened from either) bridge their buses over a
 * BroadcastChannel, so signing in or out, a token refresh and the theme follow in every tab. A page opened
 * with `?tabs` bridges at once; another starts when its link is used. Beside the link, whether this tab is the
 * bridged tabs' leader (a Web Lock: one tab at a time; when it closes, the next one takes over).
 */
export function setUpTabs(search: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('tabs', '');
  const link = el('a', { href: url.href, target: '_blank', 'data-testid': 'open-tab' }, 'Open in new tab');
  const leader = el('span', { class: 'muted', 'data-testid': 'tab-leader' });
  byTestId('logout').after(link, leader);

  let bridged = false;
  const start = () => {
    if (bridged) return;
    bridged = true;
    const tabs = bridgeTabs(pageBus, {
      channel: 'mfe-bus-demo',
      share: { events: ['auth:*'], state: ['user', 'auth', 'theme'] },
    });
    setText(leader, 'tab: waiting to lead');
    tabs.leader('demo', (signal) => {
      setText(leader, 'tab: leading');
      signal.addEventListener('abort', () => setText(leader, 'tab: not leading'));
    });
  };
  link.addEventListener('click', start);
  if (new URLSearchParams(search).has('tabs')) start();
}
