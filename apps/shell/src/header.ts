import { bus } from './bus';
import { byTestId, setText } from './dom';

/** The header reads the same shared state as the remotes, and counts every `cart:updated` event. */
export function setUpHeader(): void {
  const user = byTestId('shell-user');
  const token = byTestId('shell-token');
  const theme = byTestId('shell-theme');
  const badge = byTestId('cart-badge');

  bus.watchState('user', (value) => setText(user, value ? value.name : 'signed out'), { immediate: true });
  bus.watchState('auth', (value) => setText(token, value ? value.token : 'none'), { immediate: true });
  bus.watchState(
    'theme',
    (value) => {
      setText(theme, value ?? 'none');
      document.documentElement.dataset.theme = value ?? 'light';
    },
    { immediate: true },
  );

  let items = 0;
  bus.subscribe('cart:updated', () => setText(badge, String(++items)));
}
