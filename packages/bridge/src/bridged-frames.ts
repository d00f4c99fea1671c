// The iframes this page's frame bridges talk to: a bridge ignores messages from another bridge's frame, and
// reports those from a window no bridge talks to.
const frames = new Set<HTMLIFrameElement>();

export function addFrame(iframe: HTMLIFrameElement): () => void {
  frames.add(iframe);
  return () => frames.delete(iframe);
}

export const isBridgedFrame = (source: unknown) => [...frames].some((frame) => frame.contentWindow === source);
