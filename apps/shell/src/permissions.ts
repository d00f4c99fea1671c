import { bus } from './bus';
import { byTestId, setText } from './dom';

const PERMISSIONS: Record<string, string[]> = {
  'u-42': ['cart:write', 'orders:read', 'profile:edit'],
};
/** Results are cached by the bus for this long: four remotes asking for the same user cost one call. */
export const PERMISSIONS_TTL_MS = 60_000;

/**
 * Registers the `user:permissions` provider after `delayMs`. Requests made before that wait in the bus
 * (shown as pending in the debug panel) and are answered as soon as the provider registers.
 */
export function providePermissionsAfter(delayMs: number): void {
  const status = byTestId('permissions-provider');
  let calls = 0;
  const register = () => {
    bus.provide(
      'user:permissions',
      async ({ userId }) => {
        calls += 1;
        setText(status, `permissions provider: registered, ${calls} call(s), TTL ${PERMISSIONS_TTL_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 120)); // a pretend round trip
        return PERMISSIONS[userId] ?? ['guest'];
      },
      { ttlMs: PERMISSIONS_TTL_MS },
    );
    setText(status, `permissions provider: registered, ${calls} call(s), TTL ${PERMISSIONS_TTL_MS / 1000} s`);
  };
  if (delayMs === 0) {
    register();
    return;
  }
  setText(status, `permissions provider: registers in ${delayMs} ms`);
  setTimeout(register, delayMs);
}
