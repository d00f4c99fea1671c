import { vi } from 'vitest';
import { type Bus, type Cleanup, createBus, type ErrorContext, type StateMeta } from '../bus-under-test';
import { failedListener, ListenerFailure } from '../support/listener-failure';
import type { ValueMaker } from './shared-values';
import {
  STATE_TOPIC,
  type StateEntry,
  type StateKey,
  type StateWrite,
  type SubscriberReaction,
  UpdaterFailure,
  type WatchSpec,
} from './vocabulary';

/** The real bus, with watchers and subscribers that log what they receive in the model's terms. */
export class StateReal {
  readonly bus: Bus;
  /** `undefined` while `watchState` runs: an immediate call may add watchers, which take the next ids. */
  private readonly watchCleanups: (Cleanup | undefined)[] = [];
  private readonly subscribeCleanups: Cleanup[] = [];
  private lastPayload = 0;
  private log: StateEntry[] = [];

  constructor(private readonly maker: ValueMaker) {
    // No replay: events here only interleave with state notifications in the shared queue.
    this.bus = createBus({ replayWindowMs: 0, onError: (error, context) => this.logError(error, context) });
  }

  takeLog(): StateEntry[] {
    const taken = this.log;
    this.log = [];
    return taken;
  }

  setState(key: StateKey, write: StateWrite): void {
    try {
      if (write.kind === 'value') this.bus.setState(key, this.maker.make(write.value));
      else this.bus.setState(key, (previous: unknown) => this.update(key, write, previous));
    } catch (error) {
      this.log.push({ type: 'set-state-threw', error: error instanceof UpdaterFailure ? 'updater' : String(error) });
    }
  }

  watch(spec: WatchSpec): void {
    const id = this.watchCleanups.length;
    let reacted = false;
    const listener = (value: unknown, previous: unknown, meta: StateMeta) => {
      const { key, source, timestamp } = meta;
      this.log.push({ type: 'watcher', watcher: id, value, previous, meta: { key, source, timestamp } });
      const { reaction } = spec;
      if (reaction.kind === 'throw') throw new ListenerFailure(id);
      if (reaction.kind === 'record' || reacted) return;
      reacted = true;
      if (reaction.kind === 'set-once') this.bus.setState(reaction.key, this.maker.make(reaction.value));
      else if (reaction.kind === 'watch-once') {
        this.watch({ key: reaction.key, immediate: reaction.immediate, reaction: { kind: 'record' } });
      } else this.publish();
    };
    this.watchCleanups.push(undefined);
    this.watchCleanups[id] = this.bus.watchState(spec.key, listener, { immediate: spec.immediate });
  }

  unwatch(id: number, times: number): void {
    for (let i = 0; i < times; i++) this.watchCleanups[id]?.();
  }

  subscribe(reaction: SubscriberReaction): void {
    const id = this.subscribeCleanups.length;
    let reacted = false;
    const handler = (payload: number) => {
      this.log.push({ type: 'delivery', subscriber: id, payload });
      if (reaction.kind === 'record' || reacted) return;
      reacted = true;
      this.bus.setState(reaction.key, this.maker.make(reaction.value));
    };
    this.subscribeCleanups.push(this.bus.subscribe<number>(STATE_TOPIC, handler));
  }

  unsubscribe(id: number, times: number): void {
    for (let i = 0; i < times; i++) this.subscribeCleanups[id]?.();
  }

  publish(): void {
    this.bus.publish(STATE_TOPIC, ++this.lastPayload);
  }

  advanceTime(ms: number): void {
    vi.advanceTimersByTime(ms);
  }

  removeEverything(): void {
    for (const cleanup of [...this.watchCleanups, ...this.subscribeCleanups]) cleanup?.();
  }

  private update(key: StateKey, write: Exclude<StateWrite, { kind: 'value' }>, previous: unknown): unknown {
    this.log.push({ type: 'updater', key, previous });
    if (write.kind === 'throw') throw new UpdaterFailure();
    return write.kind === 'keep' ? previous : this.maker.make(write.value);
  }

  private logError(error: unknown, context: ErrorContext): void {
    this.log.push({
      type: 'error',
      listener: failedListener(error),
      kind: context.kind,
      name: 'key' in context ? context.key : 'topic' in context ? context.topic : undefined,
      source: 'source' in context ? context.source : undefined,
    });
  }
}
