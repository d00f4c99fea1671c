import type { Source } from '../types';

export interface BufferedEvent {
  /** Bus-wide publish order, used to merge buffers of several topics for pattern subscribers. */
  seq: number;
  topic: string;
  payload: unknown;
  timestamp: number;
  source: Source;
  /** False: delivered to current subscribers only, never buffered. */
  replay: boolean;
}

/**
 * The recent events of one topic: at most `limit` of them (a ring, so an event storm costs O(1) per
 * publish and bounded memory), none older than `windowMs`. `limit` and `windowMs` are above 0.
 */
export class ReplayBuffer {
  private readonly ring: (BufferedEvent | undefined)[] = [];
  private start = 0;
  private length = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  get size(): number {
    return this.length;
  }

  /** When the oldest event was published (call only while `size > 0`). */
  get oldestTimestamp(): number {
    return (this.ring[this.start] as BufferedEvent).timestamp;
  }

  push(event: BufferedEvent): void {
    if (this.length < this.limit) {
      this.ring[(this.start + this.length) % this.limit] = event;
      this.length++;
    } else {
      this.ring[this.start] = event;
      this.start = (this.start + 1) % this.limit;
    }
  }

  /** Drops events older than the window, as seen at `now`. */
  prune(now: number): void {
    const oldest = now - this.windowMs;
    while (this.length > 0) {
      const head = this.ring[this.start] as BufferedEvent;
      if (head.timestamp > oldest) return;
      this.ring[this.start] = undefined;
      this.start = (this.start + 1) % this.limit;
      this.length--;
    }
  }

  /** The live events published after event `after` (a seq), oldest first. */
  events(now: number, after = Number.NEGATIVE_INFINITY): BufferedEvent[] {
    this.prune(now);
    const out: BufferedEvent[] = [];
    for (let i = 0; i < this.length; i++) {
      const event = this.ring[(this.start + i) % this.limit] as BufferedEvent;
      if (event.seq > after) out.push(event);
    }
    return out;
  }
}
