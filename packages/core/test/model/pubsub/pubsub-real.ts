import { vi } from 'vitest';
import { type Bus, type Cleanup, createBus, type ErrorContext, type EventMeta } from '../bus-under-test';
import { isDeepFrozen } from '../support/deep-frozen';
import { failedListener, ListenerFailure } from '../support/listener-failure';
import type { PubSubConfig } from './pubsub-config';
import { SeqTracker } from './seq-tracker';
import {
  createPayload,
  type PublishSpec,
  type PubSubEntry,
  payloadId,
  type SubscribeSpec,
  type TestPayload,
  type Topic,
} from './vocabulary';

/** The real bus, with subscribers that log what they receive in the model's terms. */
export class PubSubReal {
  readonly bus: Bus;
  readonly seqs = new SeqTracker();
  private readonly cleanups: Cleanup[] = [];
  private lastPayload = 0;
  private log: PubSubEntry[] = [];

  constructor(config: PubSubConfig) {
    this.bus = createBus({ ...config, onError: (error, context) => this.logError(error, context) });
  }

  takeLog(): PubSubEntry[] {
    const taken = this.log;
    this.log = [];
    return taken;
  }

  publish(spec: PublishSpec): void {
    this.bus.publish(
      spec.topic,
      createPayload(++this.lastPayload, spec.preFreeze),
      spec.replay === undefined ? undefined : { replay: spec.replay },
    );
  }

  subscribe(spec: SubscribeSpec): void {
    const id = this.cleanups.length;
    const controller = new AbortController();
    const after = spec.afterPublish === undefined ? undefined : this.seqs.afterFor(spec.afterPublish);
    let reacted = false;
    const handler = (payload: TestPayload, meta: EventMeta) => {
      this.seqs.learn(payloadId(payload), meta.seq);
      this.log.push({
        type: 'delivery',
        subscriber: id,
        topic: meta.topic,
        payload: payloadId(payload),
        replayed: meta.replayed,
        timestamp: meta.timestamp,
        source: meta.source,
        frozen: isDeepFrozen(payload),
      });
      const { reaction } = spec;
      if (reaction.kind === 'throw') throw new ListenerFailure(id);
      if (reaction.kind === 'record' || reacted) return;
      reacted = true;
      if (reaction.kind === 'publish-once') this.publishFromHandler(reaction.topic, reaction.replay);
      else controller.abort();
    };
    this.cleanups.push(
      this.bus.subscribe<TestPayload>(spec.target, handler, {
        ...(spec.replay === undefined ? {} : { replay: spec.replay }),
        ...(after === undefined ? {} : { after }),
        ...(spec.reaction.kind === 'abort-on-first' ? { signal: controller.signal } : {}),
      }),
    );
  }

  unsubscribe(id: number, times: number): void {
    for (let i = 0; i < times; i++) this.cleanups[id]?.();
  }

  advanceTime(ms: number): void {
    vi.advanceTimersByTime(ms);
  }

  unsubscribeAll(): void {
    for (const cleanup of this.cleanups) cleanup();
  }

  private publishFromHandler(topic: Topic, replay: boolean): void {
    this.bus.publish(topic, createPayload(++this.lastPayload, 'none'), { replay });
  }

  private logError(error: unknown, context: ErrorContext): void {
    this.log.push({
      type: 'error',
      subscriber: failedListener(error),
      kind: context.kind,
      topic: 'topic' in context ? context.topic : undefined,
      source: 'source' in context ? context.source : undefined,
    });
  }
}
