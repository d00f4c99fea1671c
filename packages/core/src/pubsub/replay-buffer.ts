import type { EventMeta } from '../types';

/**
 * The recent events of one topic: at most `limit` of them (a ring, so an event storm costs O(1) per
 * publish and bounded memory), none older than `windowMs`. An event is its (frozen) meta and its payload,
 * kept in two parallel rings so a publish allocates nothing here. `limit` and `windowMs` are above 0.
 */
export class ReplayBuffer {
  private readonly metas: (EventMeta | undefined)[] = [];
  private readonly payloads: unknown[] = [];
  private start = 0;
  size = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** When the oldest event expires (call only while `size > 0`). */
  get expiresAt(): number {
    return (this.metas[this.start] as EventMeta).timestamp + this.windowMs;
  }

  push(meta: EventMeta, payload: unknown): void {
    let slot = this.start + this.size;
    if (this.size < this.limit) {
      this.size++;
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.limit;
    }
    slot %= this.limit;
    this.metas[slot] = meta;
    this.payloads[slot] = payload;
  }

  /** Drops events older than the window, as seen at `now`. */
  prune(now: number): void {
    const oldest = now - this.windowMs;
    while (this.size > 0 && (this.metas[this.start] as EventMeta).timestamp <= oldest) {
      this.metas[this.start] = undefined;
      this.payloads[this.start] = undefined;
      this.start = (this.start + 1) % this.limit;
      this.size--;
    }
  }

  /** Calls `each` for the live events published after event `after` (a seq), oldest first. */
  forEach(now: number, after: number, each: (meta: EventMeta, payload: unknown) => void): void {
    this.prune(now);
    for (let i = 0; i < this.size; i++) {
      const slot = (this.start + i) % this.limit;
      const meta = this.metas[slot] as EventMeta;
      if (meta.seq > after) each(meta, this.payloads[slot]);
    }
  }
}
