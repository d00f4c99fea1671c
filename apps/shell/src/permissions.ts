import { bus } from './bus';
import { byTestId, el, setText } from './dom';
import { plural } from './text';

const PERMISSIONS: Record<string, string[]> = {
  'u-42': ['cart:write', 'orders:read', 'profile:edit'],
};
/** Results are cached by the bus for this long: four remotes asking for the same user cost one call. */
export const PERMISSIONS_TTL_MS = 60_000;

/**
 * Registers the `user:permissions` provider after `delay` ms, or when the "Register" button is pressed
 * (`'manual'`: lets a demo or a test decide the moment instead of racing a timer). Requests made before
 * that wait in the bus (shown as pending in the debug panel) and are answered as soon as it registers.
 */
export function providePermissionsAfter(delay: number | 'manual'): void {
  const status = byTestId('permissions-provider');
  let calls = 0;
  const showRegistered = () =>
    setText(status, `permissions provider: registered, ${plural(calls, 'call')}, TTL ${PERMISSIONS_TTL_MS / 1000} s`);
  const register = () => {
    bus.provide(
      'user:permissions',
      async ({ userId }) => {
        calls += 1;
        showRegistered();
        await new Promise((resolve) => setTimeout(resolve, 120)); // a pretend round trip
        return PERMISSIONS[userId] ?? ['guest'];
      },
      { ttlMs: PERMISSIONS_TTL_MS },
    );
    showRegistered();
  };
  if (delay === 'manual') {
    const button = el('button', { type: 'button', 'data-testid': 'register-permissions' }, 'Register');
    button.addEventListener('click', () => {
      button.remove();
      register();
    });
    setText(status, 'permissions provider: registers when you press Register');
    status.after(button);
  } else if (delay === 0) {
    register();
  } else {
    setText(status, `permissions provider: registers in ${delay} ms`);
    setTimeout(register, delay);
  }
}
