import type { ReduxDevToolsExtension, ReduxDevToolsMessage } from '../src/redux/extension';

/**
 * A stand-in for `window.__REDUX_DEVTOOLS_EXTENSION__` that speaks the same `connect` protocol (init, send,
 * subscribe) and keeps what it was told; `fromMonitor` plays a message the monitor would send.
 */
export function installFakeReduxDevTools() {
  const connections: { name: string; features: Record<string, boolean> }[] = [];
  const inits: unknown[] = [];
  const sent: { action: { type: string; [field: string]: unknown }; state: unknown }[] = [];
  const listeners = new Set<(message: ReduxDevToolsMessage) => void>();
  const extension: ReduxDevToolsExtension = {
    connect(options) {
      connections.push(options);
      return {
        init: (state) => inits.push(state),
        send: (action, state) => sent.push({ action, state }),
        subscribe(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
    },
  };
  const global = globalThis as { __REDUX_DEVTOOLS_EXTENSION__?: ReduxDevToolsExtension };
  global.__REDUX_DEVTOOLS_EXTENSION__ = extension;
  return {
    connections,
    inits,
    sent,
    listeners,
    types: () => sent.map(({ action }) => action.type),
    fromMonitor: (message: ReduxDevToolsMessage) => {
      for (const listener of listeners) listener(message);
    },
    uninstall: () => {
      delete global.__REDUX_DEVTOOLS_EXTENSION__;
    },
  };
}
