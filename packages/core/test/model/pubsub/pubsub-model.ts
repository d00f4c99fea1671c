import { START_TIME } from '../support/model-clock';
import type { PubSubConfig } from './pubsub-config';
import { type PubSubEntry, type SubscribeSpec, type Topic, targetMatches } from './vocabulary';

interface ModelEvent {
  id: number;
  topic: Topic;
  timestamp: number;
  replay: boolean;
}

interface ModelSubscriber {
  id: number;
  spec: SubscribeSpec;
  active: boolean;
  /** A `publish-once` or `abort-on-first` reaction has happened. */
  reacted: boolean;
}

type Job = { kind: 'deliver'; event: ModelEvent } | { kind: 'replay'; subscriber: ModelSubscriber };

/** The spec of pub/sub with replay, as plainly as it can be written: what the bus must log. */
export class PubSubModel {
  now = START_TIME;
  private readonly subscribers: ModelSubscriber[] = [];
  /** Every buffered event of a topic, expired or not: `liveEvents` applies the window and the limit. */
  private readonly buffers = new Map<Topic, ModelEvent[]>();
  private readonly queue: Job[] = [];
  private draining = false;
  private lastPayload = 0;
  private log: PubSubEntry[] = [];

  constructor(private readonly config: PubSubConfig) {}

  get subscriptionsMade(): number {
    return this.subscribers.length;
  }

  get activeSubscribers(): number {
    return this.subscribers.filter((subscriber) => subscriber.active).length;
  }

  get publishesMade(): number {
    return this.lastPayload;
  }

  takeLog(): PubSubEntry[] {
    const taken = this.log;
    this.log = [];
    return taken;
  }

  publish(topic: Topic, replay: boolean): void {
    const event: ModelEvent = { id: ++this.lastPayload, topic, timestamp: this.now, replay };
    this.schedule({ kind: 'deliver', event });
  }

  subscribe(spec: SubscribeSpec): void {
    const subscriber: ModelSubscriber = { id: this.subscribers.length, spec, active: true, reacted: false };
    this.subscribers.push(subscriber);
    if (spec.replay !== false) this.schedule({ kind: 'replay', subscriber });
  }

  unsubscribe(id: number): void {
    const subscriber = this.subscribers[id];
    if (subscriber) subscriber.active = false;
  }

  unsubscribeAll(): void {
    for (const subscriber of this.subscribers) subscriber.active = false;
  }

  /** The events a new subscriber of `topic` would be replayed, oldest first. */
  liveEvents(topic: Topic): ModelEvent[] {
    const { replayWindowMs, replayLimit } = this.config;
    if (replayLimit === 0) return [];
    const kept = (this.buffers.get(topic) ?? []).slice(-replayLimit);
    return kept.filter((event) => this.now < event.timestamp + replayWindowMs);
  }

  /** One FIFO queue: a publish from a handler waits until the current delivery (or replay) is over. */
  private schedule(job: Job): void {
    this.queue.push(job);
    if (this.draining) return;
    this.draining = true;
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (next.kind === 'deliver') this.deliver(next.event);
      else this.replay(next.subscriber);
    }
    this.draining = false;
  }

  private deliver(event: ModelEvent): void {
    if (event.replay) this.buffers.set(event.topic, [...(this.buffers.get(event.topic) ?? []), event]);
    for (const subscriber of this.subscribers) {
      if (subscriber.active && targetMatches(subscriber.spec.target, event.topic)) this.call(subscriber, event, false);
    }
  }

  private replay(subscriber: ModelSubscriber): void {
    const { target, afterPublish = 0 } = subscriber.spec;
    const events = [...this.buffers.keys()]
      .filter((topic) => targetMatches(target, topic))
      .flatMap((topic) => this.liveEvents(topic))
      .filter((event) => event.id > afterPublish)
      .sort((a, b) => a.id - b.id);
    for (const event of events) {
      if (!subscriber.active) return;
      this.call(subscriber, event, true);
    }
  }

  private call(subscriber: ModelSubscriber, event: ModelEvent, replayed: boolean): void {
    this.log.push({
      type: 'delivery',
      subscriber: subscriber.id,
      topic: event.topic,
      payload: event.id,
      replayed,
      timestamp: event.timestamp,
      source: null,
      frozen: true,
    });
    const { reaction } = subscriber.spec;
    if (reaction.kind === 'throw') {
      this.log.push({ type: 'error', subscriber: subscriber.id, kind: 'subscriber', topic: event.topic, source: null });
    }
    if (reaction.kind === 'record' || reaction.kind === 'throw' || subscriber.reacted) return;
    subscriber.reacted = true;
    if (reaction.kind === 'publish-once') this.publish(reaction.topic, reaction.replay);
    else subscriber.active = false;
  }
}
