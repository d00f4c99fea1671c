/**
 * The demo's bus catalogue: every app imports this module (directly or through `index.ts`), so every
 * `publish`, `setState` and `request` in the shell and the remotes is typed without generics.
 */
export type Theme = 'light' | 'dark' | 'contrast';
export type RemoteName = 'react' | 'vue' | 'svelte' | 'angular';

export interface User {
  id: string;
  name: string;
}

export interface Auth {
  token: string;
  refreshedAt: number;
}

export interface CartUpdate {
  remote: RemoteName;
  item: string;
}

/** What a mounted remote answers to `remote:<name>:status`. */
export interface RemoteStatus {
  remote: RemoteName;
  framework: string;
}

type RemoteStatusRequests = {
  [Name in RemoteName as `remote:${Name}:status`]: { params: undefined; result: RemoteStatus };
};

declare module '@mfe-bus/core' {
  interface BusEvents {
    'auth:token-refreshed': { token: string };
    'cart:updated': CartUpdate;
  }
  interface BusState {
    user: User | null;
    auth: Auth | null;
    theme: Theme;
  }
  interface BusRequests extends RemoteStatusRequests {
    'user:permissions': { params: { userId: string }; result: string[] };
  }
}
