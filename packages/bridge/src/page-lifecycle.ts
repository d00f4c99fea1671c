/**
 * `hide` when the page is hidden for good or put in the back/forward cache (`pagehide`), `show` when it comes
 * back from that cache (`pageshow` with `persisted`), having missed what happened meanwhile. A host that is no
 * page (a worker, Node) has neither.
 */
export function onPageLifecycle(host: Partial<EventTarget>, hide: () => void, show: () => void): () => void {
  const shown = (event: Event) => (event as PageTransitionEvent).persisted && show();
  host.addEventListener?.('pagehide', hide);
  host.addEventListener?.('pageshow', shown);
  return () => {
    host.removeEventListener?.('pagehide', hide);
    host.removeEventListener?.('pageshow', shown);
  };
}
