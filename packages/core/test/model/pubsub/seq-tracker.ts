/**
 * Learns the bus's `meta.seq` of each publish (payload id) from what it shows, and checks the spec's
 * promise about it: one number per publish, increasing in publish order. The model never assumes the
 * numbers themselves, so an `after` option is translated through what was learned.
 */
export class SeqTracker {
  private readonly seqByPayload = new Map<number, number>();
  /** Broken promises; collected rather than thrown, because a throw inside a handler goes to onError. */
  readonly problems: string[] = [];

  learn(payload: number | undefined, seq: unknown): void {
    if (payload === undefined) return;
    if (typeof seq !== 'number') {
      this.problems.push(`publish ${payload} has seq ${String(seq)}, not a number`);
      return;
    }
    const known = this.seqByPayload.get(payload);
    if (known === undefined) {
      for (const [other, otherSeq] of this.seqByPayload) {
        if (Math.sign(other - payload) !== Math.sign(otherSeq - seq)) {
          this.problems.push(`publish ${payload} has seq ${seq}, publish ${other} has seq ${otherSeq}: not increasing`);
        }
      }
      this.seqByPayload.set(payload, seq);
    } else if (known !== seq) {
      this.problems.push(`publish ${payload} was seen with seq ${known} and with seq ${seq}`);
    }
  }

  /**
   * The `after` value that skips exactly the buffered events of publishes up to `publish`: the largest
   * known seq among them. Buffered events are all known (learned from `inspect()`), so it is exact for
   * them; `undefined` when none is known, and then no buffered event is that old anyway.
   */
  afterFor(publish: number): number | undefined {
    let after: number | undefined;
    for (const [payload, seq] of this.seqByPayload) {
      if (payload <= publish && (after === undefined || seq > after)) after = seq;
    }
    return after;
  }
}
