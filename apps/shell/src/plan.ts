import type { RemoteName } from '@mfe-bus-demo/contracts';

export const REMOTE_NAMES: readonly RemoteName[] = ['react', 'vue', 'svelte', 'angular'];
/** What `?order=` may name: the remotes, and `frame` (which frame-remote.ts mounts). */
export const ORDER_NAMES: readonly string[] = [...REMOTE_NAMES, 'frame'];

export interface LoadPlan {
  /** Remotes to load at start-up, in this order (each one is mounted before the next starts loading). */
  order: RemoteName[];
  /** Names in `?order=` that are no remote (`reakt`): shown on the page rather than skipped in silence. */
  unknown: string[];
  /** Wait before loading `order[i]`, counted from the previous remote's mount (or page start). */
  delays: number[];
  /** Wait before the shell registers the `user:permissions` provider, or `'manual'`: when its button is pressed. */
  permissionsDelay: number | 'manual';
}

const isRemoteName = (name: string): name is RemoteName => (REMOTE_NAMES as readonly string[]).includes(name);

function parseDelays(text: string | null, count: number): number[] {
  const given = (text ?? '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => Math.max(0, Number(part) || 0));
  // Missing entries repeat the last given delay (so `delay=300` spaces every remote by 300 ms).
  return Array.from({ length: count }, (_, index) => given[Math.min(index, given.length - 1)] ?? 0);
}

const parsePermissionsDelay = (text: string | null): number | 'manual' =>
  text === 'manual' ? 'manual' : Math.max(0, Number(text) || 0);

/**
 * `?order=angular,svelte,react,vue&delay=0,400,50,1200&permissionsDelay=800`. Without `order`, every
 * remote loads at once in the default order; `order=none` loads none (mount them with the buttons).
 */
export function parsePlan(search: string): LoadPlan {
  const params = new URLSearchParams(search);
  const orderText = params.get('order');
  const names =
    orderText === null || orderText === 'none'
      ? []
      : [...new Set(orderText.split(',').map((name) => name.trim().toLowerCase()))].filter((name) => name !== '');
  const order = orderText === null ? [...REMOTE_NAMES] : names.filter(isRemoteName);
  return {
    order,
    unknown: names.filter((name) => !ORDER_NAMES.includes(name)),
    delays: parseDelays(params.get('delay'), order.length),
    permissionsDelay: parsePermissionsDelay(params.get('permissionsDelay')),
  };
}
