// Node has no EventSource: this one dispatches what the browser's does for each server message, a MessageEvent
// with the data and the last event id on an EventTarget, so both live contenders pay the same per-connection cost.
export class FakeEventSource extends EventTarget {
  /** The server sends one message on this connection. */
  deliver(data, lastEventId) {
    this.dispatchEvent(new MessageEvent('message', { data, lastEventId }));
  }

  close() {}
}

/** The messages the server pushes, rotating so no parse is hoisted out of the loop. */
export const MESSAGES = Array.from({ length: 16 }, (_, i) =>
  JSON.stringify({ type: 'announcement', text: `Announcement #${i}`, n: i }),
);
