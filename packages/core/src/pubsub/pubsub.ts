import { alreadyCleaned, createCleanup } from '../internal/cleanup';
import type { BusContext } from '../internal/context';
import { deepFreeze } from '../internal/deep-freeze';
import { getOrCreate } from '../internal/get-or-create';
import { assertFunction, assertName, assertSignal } from '../internal/validate';
import type { BusSnapshot, Cleanup, EventHandler, EventMeta, SubscribeOptions } from '../types';
import { type BufferedEvent, ReplayBuffer } from './replay-buffer';
import {
  assertPatternShape,
  assertPublishableTopic,
  isPattern,
  patternMatches,
  patternsMatching,
} from './topic-pattern';

interface Subscription {
  /** Bus-wide subscription order: delivery follows it, across exact topics and patterns. */
  seq: number;
  handler: EventHandler<unknown>;
  active: boolean;
}

interface TopicRecord {
  subscribers: Set<Subscription>;
  buffer: ReplayBuffer;
}

const IDLE_BATCH = 64;

const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;

export function createPubSub(context: BusContext) {
  const { options, dispatcher, logger } = context;
  // Maps, not objects: topics such as "__proto__" or "constructor" are ordinary keys.
  const topics = new Map<string, TopicRecord>();
  const patterns = new Map<string, Set<Subscription>>();
  let subscriptionSeq = 0;
  let eventSeq = 0;

  // Factories made once per bus, not per call: topicRecord runs on every publish.
  const newTopic = (): TopicRecord => ({
    subscribers: new Set(),
    buffer: new ReplayBuffer(options.replayLimit, options.replayWindowMs),
  });
  const newPatternSet = () => new Set<Subscription>();

  function topicRecord(topic: string): TopicRecord {
    return getOrCreate(topics, topic, newTopic);
  }

  /** Forget a topic once nobody listens and nothing is left to replay. */
  function releaseIfUnused(topic: string, record: TopicRecord, now: number): void {
    record.buffer.prune(now);
    if (record.subscribers.size === 0 && record.buffer.size === 0) topics.delete(topic);
  }

  // Topics whose last subscriber left are released in batches rather than at once, so a component that
  // subscribes and unsubscribes over and over does not rebuild its topic record every time. At most
  // IDLE_BATCH of them wait; inspect() releases them all first, so it never shows one.
  const idle = new Set<string>();
  function releaseIdle(): void {
    const now = Date.now();
    for (const topic of idle) {
      const record = topics.get(topic);
      if (record) releaseIfUnused(topic, record, now);
    }
    idle.clear();
  }

  function receiversOf(event: BufferedEvent, exact: Set<Subscription>): Iterable<Subscription> {
    if (patterns.size === 0) return exact;
    const merged = [...exact];
    for (const pattern of patternsMatching(event.topic)) {
      const subscribers = patterns.get(pattern);
      if (subscribers) merged.push(...subscribers);
    }
    return merged.length === exact.size ? exact : merged.sort(bySeq);
  }

  function deliver(event: BufferedEvent): void {
    const lastSeq = subscriptionSeq;
    const record = topicRecord(event.topic);
    record.buffer.push(event);
    const meta: EventMeta = Object.freeze({ topic: event.topic, timestamp: event.timestamp, replayed: false });
    let receivers = 0;
    for (const subscription of receiversOf(event, record.subscribers)) {
      // Skip subscriptions made during this delivery: they already got this event through replay.
      if (!subscription.active || subscription.seq > lastSeq) continue;
      receivers++;
      dispatcher.call(subscription.handler, event.payload, meta, 'subscriber', event.topic);
    }
    if (logger.enabled) logger.log('publish', event.topic, { payload: event.payload, receivers });
    releaseIfUnused(event.topic, record, event.timestamp);
  }

  function replayTo(topicOrPattern: string, pattern: boolean, subscription: Subscription): void {
    if (pattern ? topics.size === 0 : !topics.get(topicOrPattern)?.buffer.size) return;
    const now = Date.now();
    let events: BufferedEvent[];
    if (pattern) {
      events = [];
      for (const [topic, record] of topics) {
        if (patternMatches(topicOrPattern, topic)) events.push(...record.buffer.events(now));
      }
      events.sort(bySeq);
    } else {
      events = topics.get(topicOrPattern)?.buffer.events(now) ?? [];
    }
    for (const event of events) {
      if (!subscription.active) return;
      const meta: EventMeta = Object.freeze({ topic: event.topic, timestamp: event.timestamp, replayed: true });
      dispatcher.call(subscription.handler, event.payload, meta, 'subscriber', event.topic);
    }
  }

  return {
    publish(topic: string, payload: unknown): void {
      context.assertAlive('publish');
      assertName(topic, 'topic');
      assertPublishableTopic(topic);
      const event: BufferedEvent = { seq: ++eventSeq, topic, payload: deepFreeze(payload), timestamp: Date.now() };
      dispatcher.schedule(deliver, event);
    },

    subscribe(
      topicOrPattern: string,
      handler: EventHandler<unknown>,
      subscribeOptions: SubscribeOptions = {},
    ): Cleanup {
      context.assertAlive('subscribe');
      assertName(topicOrPattern, 'topic or pattern');
      assertPatternShape(topicOrPattern);
      assertFunction(handler, 'handler');
      assertSignal(subscribeOptions.signal);

      if (subscribeOptions.signal?.aborted) return alreadyCleaned();

      const pattern = isPattern(topicOrPattern);
      const subscription: Subscription = { seq: ++subscriptionSeq, handler, active: true };
      // A set that holds a subscription is never released, so this reference stays the live one.
      const subscribers = pattern
        ? getOrCreate(patterns, topicOrPattern, newPatternSet)
        : topicRecord(topicOrPattern).subscribers;
      subscribers.add(subscription);
      const cleanup = createCleanup(() => {
        subscription.active = false;
        if (!subscribers.delete(subscription) || subscribers.size > 0) return;
        if (pattern) {
          patterns.delete(topicOrPattern);
        } else {
          idle.add(topicOrPattern);
          if (idle.size > IDLE_BATCH) releaseIdle();
        }
      }, subscribeOptions.signal);
      if (subscribeOptions.replay !== false) replayTo(topicOrPattern, pattern, subscription);
      return cleanup;
    },

    inspect(): Pick<BusSnapshot, 'topics' | 'patterns'> {
      idle.clear();
      const now = Date.now();
      for (const [topic, record] of topics) releaseIfUnused(topic, record, now);
      return {
        topics: [...topics].map(([topic, record]) => ({
          topic,
          subscribers: record.subscribers.size,
          buffered: record.buffer.events(now).map(({ topic, timestamp, payload }) => ({ topic, timestamp, payload })),
        })),
        patterns: [...patterns].map(([pattern, set]) => ({ pattern, subscribers: set.size })),
      };
    },

    clear(): void {
      for (const record of topics.values()) for (const subscription of record.subscribers) subscription.active = false;
      for (const set of patterns.values()) for (const subscription of set) subscription.active = false;
      topics.clear();
      patterns.clear();
      idle.clear();
    },
  };
}

export type PubSub = ReturnType<typeof createPubSub>;
