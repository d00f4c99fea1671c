import type { ScopedBus } from '@mfe-bus/core';
import { nextTheme } from '@mfe-bus-demo/contracts';

const ITEMS = ['Tea', 'Scone', 'Muffin'];

function byTestId<E extends HTMLElement = HTMLElement>(id: string): E {
  const element = document.querySelector<E>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`missing element [data-testid="${id}"]`);
  return element;
}

const show = (id: string, text: string) => {
  byTestId(id).textContent = text;
};

export const showStatus = (status: string) => show('frame-bridge', status);

/** The frame's card: what the shell shares, and what this app sends back through the bridge. */
export function showCard(bus: ScopedBus, status: () => string): void {
  const ask = byTestId<HTMLButtonElement>('frame-ask-permissions');
  const cancel = byTestId<HTMLButtonElement>('frame-cancel-permissions');
  const addToCart = byTestId<HTMLButtonElement>('frame-add-to-cart');
  const next = byTestId<HTMLButtonElement>('frame-next-theme');
  // Reloading, the shell, the bridge: shown a few times a second.
  setInterval(() => showStatus(status()), 250);
  showStatus(status());

  bus.watchState(
    'user',
    (user) => {
      show('frame-user', user ? user.name : 'signed out');
      show('frame-permissions', user ? 'not asked' : 'signed out');
      ask.disabled = !user;
    },
    { immediate: true },
  );
  bus.watchState(
    'theme',
    (theme) => {
      show('frame-theme', theme ?? 'none');
      document.documentElement.dataset.theme = theme ?? 'light';
    },
    { immediate: true },
  );
  let refreshes = 0;
  bus.subscribe('auth:token-refreshed', () => show('frame-refreshes', String(++refreshes)));

  let added = 0;
  addToCart.addEventListener('click', () => {
    bus.publish('cart:updated', { remote: 'frame', item: ITEMS[added % ITEMS.length] ?? 'Item' });
    show('frame-cart-adds', String(++added));
  });
  next.addEventListener('click', () => bus.setState('theme', nextTheme(bus.getState('theme'))));

  // The request crosses to the shell's provider; Cancel aborts it there too.
  let asking: AbortController | undefined;
  ask.addEventListener('click', () => {
    const user = bus.getState('user');
    if (!user) return;
    const controller = new AbortController();
    asking = controller;
    cancel.disabled = false;
    show('frame-permissions', 'loading…');
    bus
      .request('user:permissions', { userId: user.id }, { signal: controller.signal })
      .then(
        (permissions) => show('frame-permissions', permissions.join(', ')),
        (error: unknown) => show('frame-permissions', controller.signal.aborted ? 'cancelled' : String(error)),
      )
      .finally(() => {
        if (asking === controller) cancel.disabled = true;
      });
  });
  cancel.addEventListener('click', () => asking?.abort());
  addToCart.disabled = false;
  next.disabled = false;
}
