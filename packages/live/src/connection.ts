import { backoffDelay } from './backoff';
import type { TokenSource } from './token';
import type { LiveOptions, LiveSocket, LiveStatus, RawMessage, ResumeInfo } from './types';

export interface ConnectionHooks {
  message(raw: RawMessage): void;
  status(status: Omit<LiveStatus, 'leader'>): void;
  lastEventId(): string | undefined;
}

export interface Connection {
  /** Opens a fresh socket at once (a new token), forgetting earlier failures. */
  restart(): void;
  /** Closes for good, silently: the caller says what the status is now. */
  close(): void;
}

const defaultResume = (info: ResumeInfo) => JSON.stringify({ type: 'resume', ...info });

const describe = (event: Event) =>
  event.type === 'close' ? `closed (code ${(event as CloseEvent).code})` : 'connection error';

const rawOf = (event: MessageEvent): RawMessage => ({ data: String(event.data), id: event.lastEventId || undefined });

/**
 * Keeps one socket open: opens it with the current token and last event id, and after a failure waits
 * (exponential backoff with jitter) and opens a new one. The browser's own EventSource retries are cut
 * short, so every retry follows this schedule and resumes from the id this page knows.
 */
export function openConnection(options: LiveOptions, token: TokenSource | undefined, hooks: ConnectionHooks) {
  const { retry = {}, resume = defaultResume, topics } = options;
  let controller: AbortController | undefined;
  let socket: LiveSocket | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let error: string | null = null;
  const tell = (state: LiveStatus['state']) => hooks.status({ state, attempt, error });

  function drop(): void {
    clearTimeout(timer);
    controller?.abort();
    socket?.close();
    socket = controller = undefined;
  }

  function connect(): void {
    drop();
    const own = new AbortController();
    controller = own;
    const current = () => controller === own;
    tell('connecting');
    Promise.resolve(token?.get())
      .then((value) => {
        if (!current()) return;
        const opened = options.open({ signal: own.signal, lastEventId: hooks.lastEventId(), token: value });
        socket = opened;
        opened.addEventListener('open', () => {
          if (!current()) return;
          attempt = 0;
          error = null;
          tell('open');
          if (resume && opened.send) opened.send(resume({ lastEventId: hooks.lastEventId(), topics }));
        });
        opened.addEventListener('message', (event) => {
          if (current()) hooks.message(rawOf(event as MessageEvent));
        });
        for (const type of ['error', 'close'] as const) {
          opened.addEventListener(type, (event) => {
            if (current()) failed(describe(event));
          });
        }
      })
      .catch((reason: unknown) => {
        if (current()) failed(String(reason));
      });
  }

  function failed(reason: string): void {
    drop();
    attempt += 1;
    error = reason;
    const givenUp = attempt >= (retry.attempts ?? Number.POSITIVE_INFINITY);
    tell(givenUp ? 'closed' : 'retrying');
    if (!givenUp) timer = setTimeout(connect, backoffDelay(attempt, retry));
  }

  connect();
  return {
    restart() {
      attempt = 0;
      connect();
    },
    close: drop,
  } satisfies Connection;
}
