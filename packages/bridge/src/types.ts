import type { Cleanup } from '@mfe-bus/core';
import type { Share, TabShare } from './share';

/** `connecting`: waiting for the other side (the first handshake, a reloading frame, a peer that left). */
export type BridgeStatus = 'connecting' | 'open' | 'closed';

export interface Bridge {
  /** Resolves when the first connection is open: both sides have each other's snapshot of the shared state. */
  readonly ready: Promise<void>;
  readonly status: BridgeStatus;
  /** Removes everything the bridge registered (subscriptions, watchers, providers, plugin, listeners). */
  close(): void;
}

export interface TabBridge extends Bridge {
  /**
   * Runs `work` in one tab at a time, while it holds the Web Lock `mfe-bus:<channel>:<name>`; when that tab
   * closes, the next waiting tab takes over. `signal` aborts when this tab stops leading (the returned cleanup,
   * `close()`). Without Web Locks every tab leads.
   */
  leader(name: string, work: (signal: AbortSignal) => void): Cleanup;
}

interface ConnectionOptions {
  share: Share;
  /**
   * The app on the other side: names the bridge (`meta.via`) and owns the providers registered here for the
   * requests the other side serves.
   */
  app?: string;
  /** Events published before the connection opens wait in a queue of this size; the oldest go first. Default 100. */
  queueLimit?: number;
}

export interface FrameBridgeOptions extends ConnectionOptions {
  /** The exact origin (or origins) of the other side; `'*'` is refused. */
  origin: string | readonly string[];
}

export interface PortBridgeOptions extends ConnectionOptions {}

export interface TabsBridgeOptions {
  /** Tabs of this origin bridged under the same channel name share one bus. */
  channel: string;
  share: TabShare;
}

/** What `bridgePort` talks through: a `MessagePort`, a worker, a worker's global scope. */
export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}
