import type { User } from '@mfe-bus-demo/contracts';
import { bus } from './bus';
import { byTestId } from './dom';

export const DEMO_USER: User = { id: 'u-42', name: 'Ada Lovelace' };

let issued = 0;
const nextToken = () => `token-${++issued}`;

/** The shell owns authentication: the remotes only read `user` and `auth` state and the refresh event. */
export function setUpAuth(): void {
  // The live connection's token (connectLive's `auth: true`), asked again after every refresh.
  bus.provide('auth:token', () => bus.getState('auth')?.token ?? null);
  const login = byTestId<HTMLButtonElement>('login');
  const refresh = byTestId<HTMLButtonElement>('refresh-token');
  const logout = byTestId<HTMLButtonElement>('logout');

  login.addEventListener('click', () => {
    bus.setState('auth', { token: nextToken(), refreshedAt: Date.now() });
    bus.setState('user', DEMO_USER);
  });
  refresh.addEventListener('click', () => {
    if (!bus.getState('user')) return;
    const token = nextToken();
    bus.setState('auth', { token, refreshedAt: Date.now() });
    bus.publish('auth:token-refreshed', { token });
  });
  logout.addEventListener('click', () => {
    bus.setState('user', null);
    bus.setState('auth', null);
    bus.invalidate('user:permissions');
  });

  bus.watchState(
    'user',
    (user) => {
      login.disabled = Boolean(user);
      refresh.disabled = !user;
      logout.disabled = !user;
    },
    { immediate: true },
  );
}
