/** What a throwing subscriber, watcher or updater throws: it names the listener, so the log can say who failed. */
export class ListenerFailure extends Error {
  constructor(readonly listener: number) {
    super(`listener ${listener} failed`);
    this.name = 'ListenerFailure';
  }
}

export function failedListener(error: unknown): number | string {
  return error instanceof ListenerFailure ? error.listener : `unexpected error: ${String(error)}`;
}
