import { defineContracts } from '@mfe-bus/contracts';
import * as v from 'valibot';

const REMOTE = v.picklist(['react', 'vue', 'svelte', 'angular']);
const REMOTES = REMOTE.options;
// The frame remote (another origin, bridged to the shell's bus as the app `frame`) fills the cart too.
const CART_SENDER = v.picklist([...REMOTES, 'frame']);
const remoteStatus = (remote: (typeof REMOTES)[number]) =>
  ({
    result: v.object({ remote: v.literal(remote), framework: v.string() }),
    owner: remote,
    version: '1.0.0',
  }) as const;

/**
 * What the demo's apps may send each other, checked at run time by the shell (`installContracts`) and typed at
 * compile time through the catalogue (`catalogue.ts`). Owners: the shell signs users in and provides their
 * permissions, the remotes fill the cart and answer for their own status, anyone may change the theme.
 */
export const contracts = defineContracts({
  events: {
    'auth:token-refreshed': { schema: v.object({ token: v.string() }), owner: 'shell', version: '1.0.0' },
    'cart:updated': {
      schema: v.object({ remote: CART_SENDER, item: v.pipe(v.string(), v.minLength(1)) }),
      owner: CART_SENDER.options,
      version: '1.0.0',
    },
  },
  state: {
    user: { schema: v.nullable(v.object({ id: v.string(), name: v.string() })), owner: 'shell', version: '1.0.0' },
    auth: {
      schema: v.nullable(v.object({ token: v.string(), refreshedAt: v.number() })),
      owner: 'shell',
      version: '1.0.0',
    },
    theme: { schema: v.picklist(['light', 'dark', 'contrast']), version: '1.0.0' },
  },
  requests: {
    'user:permissions': {
      params: v.object({ userId: v.string() }),
      result: v.array(v.string()),
      owner: 'shell',
      version: '1.0.0',
    },
    'remote:react:status': remoteStatus('react'),
    'remote:vue:status': remoteStatus('vue'),
    'remote:svelte:status': remoteStatus('svelte'),
    'remote:angular:status': remoteStatus('angular'),
  },
});
