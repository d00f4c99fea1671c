/**
 * Debounces `write`: it runs `delayMs` after the last `schedule()`, or at once on `flush()` and when the
 * page goes away (`pagehide`, the last event a page reliably gets, also on mobile and into the bfcache).
 */
export function writeQueue(write: () => void, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    write();
  };
  globalThis.addEventListener?.('pagehide', flush);
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    /** Writes what is waiting and stops listening to the page. */
    stop() {
      flush();
      globalThis.removeEventListener?.('pagehide', flush);
    },
  };
}
