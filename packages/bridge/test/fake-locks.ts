// The Web Locks API (exclusive locks only) in memory, for Node (which has no navigator.locks before 22):
// one holder per name, the others wait in request order; a waiting request aborts with its signal.

type Callback = () => Promise<unknown>;

export function fakeLocks() {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();

  function next(name: string): void {
    if (held.has(name)) return;
    queues.get(name)?.shift()?.();
  }

  return {
    request(name: string, options: { signal?: AbortSignal }, callback: Callback): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const grant = () => {
          options.signal?.removeEventListener('abort', abort);
          held.add(name);
          callback()
            .then(resolve, reject)
            .finally(() => {
              held.delete(name);
              next(name);
            });
        };
        const abort = () => {
          const queue = queues.get(name) ?? [];
          queue.splice(queue.indexOf(grant), 1);
          reject(options.signal?.reason);
        };
        options.signal?.addEventListener('abort', abort);
        queues.set(name, [...(queues.get(name) ?? []), grant]);
        next(name);
      });
    },
  };
}
