/**
 * The part of the Redux DevTools extension's `connect` protocol the connector uses (what the extension puts
 * on `window.__REDUX_DEVTOOLS_EXTENSION__`). Declared here so the package needs no dependency for it.
 */
export interface ReduxDevToolsExtension {
  connect(options: { name: string; features: Record<string, boolean> }): ReduxDevToolsConnection;
}

export interface ReduxDevToolsConnection {
  init(state: unknown): void;
  send(action: { type: string; [field: string]: unknown }, state: unknown): void;
  /** Messages from the monitor; returns what stops them (older versions return nothing). */
  subscribe(listener: (message: ReduxDevToolsMessage) => void): (() => void) | undefined;
}

/**
 * `ACTION`: the monitor's dispatcher sent `payload` (the text typed there). `DISPATCH`: a monitor command in
 * `payload.type` (`JUMP_TO_STATE`, `COMMIT`, `PAUSE_RECORDING`, …) with the state it refers to in `state`.
 */
export interface ReduxDevToolsMessage {
  type: string;
  payload?: unknown;
  state?: string;
}

export const extensionOnPage = (): ReduxDevToolsExtension | undefined =>
  (globalThis as { __REDUX_DEVTOOLS_EXTENSION__?: ReduxDevToolsExtension }).__REDUX_DEVTOOLS_EXTENSION__;
