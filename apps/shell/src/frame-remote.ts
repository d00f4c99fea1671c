import { type Bridge, bridgeFrame } from '@mfe-bus/bridge';
import { pageBus } from './bus';
import { byTestId, el, setText } from './dom';

/**
 * The fifth remote: a page on another origin (the demo server's second port), in an iframe, with its own copy of
 * the core, bridged to the page-wide bus. The server writes that origin into this page; it is the bridge's
 * allow-list, so nothing else may speak for the frame.
 */
const frameOrigin = document.querySelector<HTMLMetaElement>('meta[name="mfe-bus-frame-origin"]')?.content;

/** What crosses: the shell gives the user, the theme, auth events and its permissions; the frame gives cart events and the theme. */
const share = {
  events: { out: ['auth:*'], in: ['cart:*'] },
  state: { out: ['user', 'theme'], in: ['theme'] },
  requests: { out: ['user:permissions'] },
};

/**
 * The frame's slot, beside the other remotes': mounted at start-up when `?order=` lists `frame` (it is not in the
 * default order), else with its Mount button.
 */
export function setUpFrameRemote(search: string): void {
  const status = el('span', { 'data-testid': 'frame-status' }, 'not loaded');
  const mountButton = el('button', { type: 'button', 'data-testid': 'frame-mount' }, 'Mount');
  const unmountButton = el('button', { type: 'button', 'data-testid': 'frame-unmount', disabled: '' }, 'Unmount');
  const body = el('div', { class: 'slot-body' });
  byTestId('remotes').append(
    el(
      'article',
      { class: 'remote-slot', 'data-remote': 'frame' },
      el(
        'div',
        { class: 'slot-bar' },
        el('strong', {}, 'Frame'),
        el('span', { class: 'muted' }, frameOrigin ?? ''),
        status,
        mountButton,
        unmountButton,
      ),
      body,
    ),
  );

  let mounted: { bridge: Bridge; iframe: HTMLIFrameElement; ticker: number } | undefined;
  function mount(): void {
    if (mounted || !frameOrigin) return;
    const iframe = el('iframe', {
      src: `${frameOrigin}/`,
      title: 'Frame remote',
      'data-testid': 'frame-iframe',
      class: 'remote-frame',
    });
    body.append(iframe);
    const bridge = bridgeFrame(pageBus, iframe, { origin: frameOrigin, app: 'frame', share });
    // The bridge's status follows the frame: "connecting" while it reloads.
    const ticker = window.setInterval(() => setText(status, `bridge ${bridge.status}`), 250);
    mounted = { bridge, iframe, ticker };
    setText(status, 'bridge connecting');
    mountButton.disabled = true;
    unmountButton.disabled = false;
  }
  function unmount(): void {
    if (!mounted) return;
    mounted.bridge.close();
    mounted.iframe.remove();
    window.clearInterval(mounted.ticker);
    mounted = undefined;
    setText(status, 'unmounted');
    mountButton.disabled = false;
    unmountButton.disabled = true;
  }

  if (!frameOrigin) {
    setText(status, 'no frame origin (serve with scripts/serve.mjs)');
    mountButton.disabled = true;
  }
  mountButton.addEventListener('click', mount);
  unmountButton.addEventListener('click', unmount);
  if (new URLSearchParams(search).get('order')?.split(',').includes('frame')) mount();
}
