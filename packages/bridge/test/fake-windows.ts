// Windows for the frame handshake in Node: each is an EventTarget at an origin; what one holds to reach
// another (`contentWindow`, `parent`) posts like a browser does: the target origin must match (or be '*'),
// the data is structured-cloned, and the event carries the sender's origin and the sender as the receiver
// knows it (`event.source`), asynchronously and in order.

export class FakeWindow extends EventTarget {
  /** This window's parent, as this window holds it. */
  parent: unknown = this;
  constructor(readonly origin: string) {
    super();
  }
}

interface Ref {
  postMessage(data: unknown, targetOrigin: string, transfer?: MessagePort[]): void;
}

/** What `sender` holds to post to `target`; `senderAtTarget()` is the sender as the target knows it. */
export function refTo(target: FakeWindow, sender: { origin: string }, senderAtTarget: () => unknown): Ref {
  return {
    postMessage(data, targetOrigin, transfer = []) {
      if (targetOrigin !== '*' && targetOrigin !== target.origin) return;
      const event = new MessageEvent('message', {
        data: structuredClone(data),
        origin: sender.origin,
        ports: transfer,
      });
      Object.defineProperty(event, 'source', { value: senderAtTarget() });
      setTimeout(() => target.dispatchEvent(event));
    },
  };
}

/**
 * A parent page (or a new one at `parentOrigin`) and a framed page: the parent holds `iframe`, the child's
 * `parent` is the parent as it knows it.
 */
export function framePair(parentOrigin: string | FakeWindow, childOrigin: string) {
  const parent = typeof parentOrigin === 'string' ? new FakeWindow(parentOrigin) : parentOrigin;
  const child = new FakeWindow(childOrigin);
  const parentAtChild: Ref = refTo(parent, child, () => childAtParent);
  const childAtParent: Ref = refTo(child, parent, () => parentAtChild);
  child.parent = parentAtChild;
  const iframe = { contentWindow: childAtParent, ownerDocument: { defaultView: parent } };
  return { parent, child, iframe: iframe as unknown as HTMLIFrameElement };
}

/** Another window posting to `target` (a hostile frame, a look-alike origin, a sandboxed `null` one). */
export function stranger(target: FakeWindow, origin: string) {
  const self = { origin };
  return refTo(target, self, () => self);
}
