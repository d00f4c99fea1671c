import './style.css';
import { bridgeParent } from '@mfe-bus/bridge';
import { installContracts } from '@mfe-bus/contracts';
import { getBus } from '@mfe-bus/core';
import { contracts } from '@mfe-bus-demo/contracts';
import { showCard, showStatus } from './card';

/** The shell's origin, written into this page by the server that serves it: configuration, never the URL. */
const shellOrigin = document.querySelector<HTMLMetaElement>('meta[name="mfe-bus-shell-origin"]')?.content;

// This page's own bus, from its own copy of the core. What arrives from the shell is checked against the demo's
// contracts like any call made here: what breaks one is dropped and reported, never delivered.
const pageBus = getBus();
installContracts(pageBus, contracts, { mode: 'reject', app: 'frame' });

if (!shellOrigin || window.parent === window) {
  showStatus('not in the shell');
} else {
  const bridge = bridgeParent(pageBus, {
    origin: shellOrigin,
    // The parent is the shell: the `user:permissions` provider registered here on its behalf is the shell's.
    app: 'shell',
    share: {
      events: { out: ['cart:*'], in: ['auth:*'] },
      state: { out: ['theme'], in: ['user', 'theme'] },
      requests: { in: ['user:permissions'] },
    },
  });
  // The shell's state comes with the connection: the card shows it from its first frame, no signed-out flash.
  void bridge.ready.then(() => showCard(pageBus.scope('frame'), () => bridge.status));
}
