import type { LiveSocket, OpenContext } from '../src/types';

type Listener = (event: Event) => void;

/**
 * Stands in for EventSource (Node 20 has none) and, with `websocket: true`, for WebSocket: the same event
 * shape (`open`, `message` with `data` and `lastEventId`, `error`, `close` with `code`), driven by the test.
 */
export class FakeSocket implements LiveSocket {
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: string[] = [];
  closed = false;
  send?: (data: string) => void;

  constructor(
    readonly context: OpenContext,
    websocket: boolean,
  ) {
    if (websocket) this.send = (data) => this.sent.push(data);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  private emit(event: Event): void {
    for (const listener of this.listeners.get(event.type) ?? []) listener(event);
  }

  open(): void {
    this.emit(new Event('open'));
  }

  message(data: unknown, lastEventId = ''): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.emit(new MessageEvent('message', { data: text, lastEventId }));
  }

  error(): void {
    this.emit(new Event('error'));
  }

  /** A WebSocket's close event. */
  drop(code = 1006): void {
    this.emit(Object.assign(new Event('close'), { code }));
  }
}

/** An `open` option that records every socket it makes; `sockets.at(-1)` is the current one. */
export function fakeServer({ websocket = false } = {}) {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    open: (context: OpenContext) => {
      const socket = new FakeSocket(context, websocket);
      sockets.push(socket);
      return socket;
    },
    get current(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was opened');
      return socket;
    },
    /** Sockets opened and not closed. */
    get live(): number {
      return sockets.filter((socket) => !socket.closed).length;
    },
  };
}
