import type { RemoteModule, RemoteName } from '@mfe-bus-demo/contracts';

/** Where scripts/serve.mjs serves each remote's own build (`apps/remote-<name>/dist`). */
export const remoteUrl = (name: RemoteName) => new URL(`remotes/${name}/remote.js`, document.baseURI).href;

const loading = new Map<RemoteName, Promise<RemoteModule>>();

/** Loads a remote's bundle once, at run time: the shell's build knows nothing about it. */
export function loadRemote(name: RemoteName): Promise<RemoteModule> {
  let module = loading.get(name);
  if (!module) {
    module = import(/* @vite-ignore */ remoteUrl(name)) as Promise<RemoteModule>;
    loading.set(name, module);
    module.catch(() => loading.delete(name));
  }
  return module;
}
