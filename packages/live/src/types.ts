/**
 * What `open` returns: a browser `EventSource`, a `WebSocket`, or any object with the same event shape
 * (`open`, `message` events whose `data` is a JSON string, `error`, and `close` for WebSockets).
 */
export interface LiveSocket {
  addEventListener(type: 'open' | 'message' | 'error' | 'close', listener: (event: Event) => void): void;
  close(): void;
  /** WebSockets have it: the resume message goes through it after each open. */
  send?(data: string): void;
}

/** What `open` is given for each (re)connection. */
export interface OpenContext {
  /** Aborted when this connection is given up (closed, replaced by a reconnection). */
  signal: AbortSignal;
  /** The id of the last message received, to resume from (`?lastEventId=` for an EventSource, which cannot set headers). */
  lastEventId: string | undefined;
  /** The token `bus.request('auth:token')` answered, when `auth` is on. */
  token: string | undefined;
}

/** One server message, as `route` gets it. */
export interface LiveMessage {
  /** The message's data, parsed as JSON. */
  data: unknown;
  /** The SSE `id:` field, or the WebSocket message's `id` property. */
  id: string | undefined;
}

/** A bus operation a server message maps to: a publish or a state write. */
export type LiveOperation = { topic: string; payload: unknown } | { state: string; value: unknown };

/** What `route` returns: one operation, several, or nothing (the message is ignored). */
export type RouteResult = LiveOperation | readonly LiveOperation[] | null | undefined;

export interface RetryOptions {
  /** The first retry waits about this long (ms). Default 500. */
  minDelayMs?: number;
  /** No retry waits longer (ms). Default 30 000. */
  maxDelayMs?: number;
  /** Failed attempts in a row before giving up (status `closed` with the error). Default `Infinity`. */
  attempts?: number;
}

/** Where the token comes from: a request key, and an event that says it changed. */
export interface AuthOptions {
  /** Default `auth:token`. */
  request?: string;
  /** Default `auth:token-refreshed`: the connection reopens with the new token. */
  refreshed?: string;
}

/** Sent after each WebSocket open: where to resume and what to re-subscribe. */
export interface ResumeInfo {
  lastEventId: string | undefined;
  topics: readonly string[];
}

export interface LiveOptions {
  /** Names the connection: its status is the shared state `live:<id>:status`. */
  id: string;
  /** The topics, patterns and state keys this connection feeds: their first listener opens it. */
  topics: readonly string[];
  open(context: OpenContext): LiveSocket;
  /** Maps a message to bus operations. Default: the message data itself (`{ topic, payload }` or `{ state, value }`). */
  route?(message: LiveMessage): RouteResult;
  /** How long the connection stays open after its last listener left (ms). Default 5000. */
  idleCloseMs?: number;
  retry?: RetryOptions;
  /** `page`: one connection per page. `tabs`: one per browser, held by a leader tab (Web Locks). Default `page`. */
  share?: 'page' | 'tabs';
  /** Get the token from the bus (`true`: `auth:token`, reopened on `auth:token-refreshed`). Default `false`. */
  auth?: boolean | AuthOptions;
  /**
   * WebSocket only: the message sent after each open. Default: JSON `{ type: 'resume', lastEventId, topics }`;
   * `false`: none.
   */
  resume?: false | ((info: ResumeInfo) => string);
}

/** The shared state `live:<id>:status`. */
export interface LiveStatus {
  state: 'connecting' | 'open' | 'retrying' | 'closed';
  /** Failed attempts in a row (0 once open). */
  attempt: number;
  /** Why the last attempt failed, if it did. */
  error: string | null;
  /** True in the tab (page) that holds the connection; with `share: 'tabs'` the others see the leader's status. */
  leader: boolean;
}

/** A message as it came off the wire, which the leader tab relays to the others. */
export interface RawMessage {
  data: string;
  id: string | undefined;
}
