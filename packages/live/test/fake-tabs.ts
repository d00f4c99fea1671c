/**
 * In-process stand-ins for what tabs share in a browser: Web Locks (Node 20 has no `navigator.locks`) and a
 * BroadcastChannel delivering in microtasks, so tests control when messages land without waiting on real
 * time. Install with `vi.stubGlobal`.
 */

interface LockRequest {
  callback: () => Promise<unknown> | unknown;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

export class FakeLocks {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, LockRequest[]>();

  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<unknown> | unknown) {
    return new Promise((resolve, reject) => {
      const request: LockRequest = { callback, resolve, reject };
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, [...queue, request]);
      options.signal?.addEventListener('abort', () => {
        const waiting = this.queues.get(name) ?? [];
        if (!waiting.includes(request)) return;
        this.queues.set(
          name,
          waiting.filter((item) => item !== request),
        );
        reject(new DOMException('aborted', 'AbortError'));
      });
      this.grant(name);
    });
  }

  private grant(name: string): void {
    const [next, ...rest] = this.queues.get(name) ?? [];
    if (this.held.has(name) || !next) return;
    this.queues.set(name, rest);
    this.held.add(name);
    // Granted asynchronously, as browsers do.
    queueMicrotask(() =>
      Promise.resolve(next.callback()).then((value) => {
        this.held.delete(name);
        next.resolve(value);
        this.grant(name);
      }, next.reject),
    );
  }
}

export class FakeBroadcastChannel {
  private static readonly open = new Set<FakeBroadcastChannel>();
  onmessage: ((event: MessageEvent) => void) | null = null;

  constructor(readonly name: string) {
    FakeBroadcastChannel.open.add(this);
  }

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    for (const other of FakeBroadcastChannel.open) {
      if (other !== this && other.name === this.name) {
        queueMicrotask(() => other.onmessage?.(new MessageEvent('message', { data })));
      }
    }
  }

  close(): void {
    FakeBroadcastChannel.open.delete(this);
  }
}
