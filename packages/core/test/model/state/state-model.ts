import { START_TIME } from '../support/model-clock';
import type { ValueMaker } from './shared-values';
import type { StateEntry, StateKey, StateWrite, SubscriberReaction, WatcherReaction, WatchSpec } from './vocabulary';

interface ModelListener<Reaction> {
  id: number;
  reaction: Reaction;
  active: boolean;
  /** A `-once` reaction has happened. */
  reacted: boolean;
}

interface ModelWatcher extends ModelListener<WatcherReaction> {
  key: StateKey;
}

type Job =
  /** `watchersThen`: how many watchers existed at the change; only those hear of it. */
  | { kind: 'state'; key: StateKey; value: unknown; previous: unknown; timestamp: number; watchersThen: number }
  | { kind: 'event'; payload: number };

/** The spec of shared state (and its FIFO queue, shared with events), as plainly as it can be written. */
export class StateModel {
  now = START_TIME;
  private readonly values = new Map<StateKey, unknown>();
  private readonly watchers: ModelWatcher[] = [];
  private readonly subscribers: ModelListener<SubscriberReaction>[] = [];
  private readonly queue: Job[] = [];
  private draining = false;
  private lastPayload = 0;
  private log: StateEntry[] = [];

  constructor(private readonly maker: ValueMaker) {}

  get watchersMade(): number {
    return this.watchers.length;
  }

  get subscribersMade(): number {
    return this.subscribers.length;
  }

  get activeWatchers(): number {
    return this.watchers.filter((watcher) => watcher.active).length;
  }

  get activeSubscribers(): number {
    return this.subscribers.filter((subscriber) => subscriber.active).length;
  }

  watchersOf(key: StateKey): number {
    return this.watchers.filter((watcher) => watcher.active && watcher.key === key).length;
  }

  valueOf(key: StateKey): unknown {
    return this.values.get(key);
  }

  takeLog(): StateEntry[] {
    const taken = this.log;
    this.log = [];
    return taken;
  }

  setState(key: StateKey, write: StateWrite): void {
    if (write.kind === 'value') {
      this.store(key, this.maker.make(write.value));
      return;
    }
    const previous = this.values.get(key);
    this.log.push({ type: 'updater', key, previous });
    if (write.kind === 'throw') this.log.push({ type: 'set-state-threw', error: 'updater' });
    else this.store(key, write.kind === 'keep' ? previous : this.maker.make(write.value));
  }

  watch(spec: WatchSpec): void {
    const watcher: ModelWatcher = {
      id: this.watchers.length,
      key: spec.key,
      reaction: spec.reaction,
      active: true,
      reacted: false,
    };
    this.watchers.push(watcher);
    if (spec.immediate) {
      this.log.push({
        type: 'watcher',
        watcher: watcher.id,
        value: this.values.get(spec.key),
        previous: undefined,
        immediate: true,
      });
      this.react(watcher);
    }
  }

  unwatch(id: number): void {
    const watcher = this.watchers[id];
    if (watcher) watcher.active = false;
  }

  subscribe(reaction: SubscriberReaction): void {
    this.subscribers.push({ id: this.subscribers.length, reaction, active: true, reacted: false });
  }

  unsubscribe(id: number): void {
    const subscriber = this.subscribers[id];
    if (subscriber) subscriber.active = false;
  }

  publish(): void {
    this.schedule({ kind: 'event', payload: ++this.lastPayload });
  }

  removeEverything(): void {
    for (const listener of [...this.watchers, ...this.subscribers]) listener.active = false;
  }

  /** Stored at once; watchers hear of it through the queue, unless the value is `Object.is`-equal. */
  private store(key: StateKey, next: unknown): void {
    const previous = this.values.get(key);
    if (Object.is(next, previous)) return;
    this.values.set(key, next);
    this.schedule({
      kind: 'state',
      key,
      value: next,
      previous,
      timestamp: this.now,
      watchersThen: this.watchers.length,
    });
  }

  private schedule(job: Job): void {
    this.queue.push(job);
    if (this.draining) return;
    this.draining = true;
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (next.kind === 'state') this.notify(next);
      else this.deliver(next.payload);
    }
    this.draining = false;
  }

  /**
   * The watchers that existed when the value changed: one added later (even before this notification is
   * delivered) already saw the new value, through `getState` or its immediate call.
   */
  private notify({ key, value, previous, timestamp, watchersThen }: Job & { kind: 'state' }): void {
    for (const watcher of this.watchers.slice(0, watchersThen)) {
      if (!watcher.active || watcher.key !== key) continue;
      this.log.push({ type: 'watcher', watcher: watcher.id, value, previous, meta: { key, source: null, timestamp } });
      this.react(watcher);
    }
  }

  private react(watcher: ModelWatcher): void {
    const { reaction } = watcher;
    if (reaction.kind === 'throw') {
      this.log.push({ type: 'error', listener: watcher.id, kind: 'watcher', name: watcher.key, source: null });
    }
    if (reaction.kind === 'record' || reaction.kind === 'throw' || watcher.reacted) return;
    watcher.reacted = true;
    if (reaction.kind === 'set-once') this.store(reaction.key, this.maker.make(reaction.value));
    else if (reaction.kind === 'watch-once')
      this.watch({ key: reaction.key, immediate: reaction.immediate, reaction: { kind: 'record' } });
    else this.publish();
  }

  private deliver(payload: number): void {
    for (const subscriber of this.subscribers) {
      if (!subscriber.active) continue;
      this.log.push({ type: 'delivery', subscriber: subscriber.id, payload });
      if (subscriber.reaction.kind === 'set-once' && !subscriber.reacted) {
        subscriber.reacted = true;
        this.store(subscriber.reaction.key, this.maker.make(subscriber.reaction.value));
      }
    }
  }
}
