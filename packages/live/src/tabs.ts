/** One tab's membership of the tabs that share a connection. */
export interface TabShare<Message> {
  /** Sends `message` to every other tab sharing it. */
  post(message: Message): void;
  /** Leaves: stops leading (the next tab in line takes over) or stops waiting to. */
  release(): void;
}

/**
 * Joins the tabs of this browser sharing `name`. The tab holding the Web Lock `name` leads: `lead` runs
 * when it gets the lock and what it returned runs when it lets go (a closed tab lets go at once, so the next
 * tab in line leads within milliseconds). Messages travel on the BroadcastChannel `name`. Returns undefined
 * where Web Locks or BroadcastChannel are missing.
 *
 * Internal stand-in for `@mfe-bus/bridge`'s tab leader, which was not there when this was written.
 */
export function joinTabs<Message>(
  name: string,
  lead: () => () => void,
  receive: (message: Message) => void,
): TabShare<Message> | undefined {
  const locks = globalThis.navigator?.locks;
  if (!locks || typeof BroadcastChannel !== 'function') return undefined;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent) => receive(event.data as Message);
  const leaving = new AbortController();
  let stopLeading: (() => void) | undefined;
  let unlock: (() => void) | undefined;
  locks
    .request(name, { signal: leaving.signal }, () => {
      stopLeading = lead();
      return new Promise<void>((resolve) => {
        unlock = resolve;
      });
    })
    // Rejected with an AbortError when this tab leaves before its turn came.
    .catch(() => {});
  return {
    post: (message) => channel.postMessage(message),
    release() {
      leaving.abort();
      stopLeading?.();
      unlock?.();
      channel.close();
    },
  };
}
