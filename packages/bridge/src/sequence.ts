/**
 * Sequence numbers of one connection (or one channel of tabs): `next` numbers what this side sends; `accept`
 * refuses an envelope whose number a sender already used, so a duplicated or replayed envelope is dropped.
 */
export function createSequence() {
  let sent = 0;
  const seen = new Map<string, number>();
  return {
    next: () => ++sent,
    accept(sender: string, seq: number): boolean {
      if (seq <= (seen.get(sender) ?? 0)) return false;
      seen.set(sender, seq);
      return true;
    },
    /** The sender left: a new sender under that name starts over. */
    forget(sender: string): void {
      seen.delete(sender);
    },
  };
}
