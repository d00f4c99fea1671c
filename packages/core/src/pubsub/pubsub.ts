import { alreadyCleaned, createCleanup, type Owned } from '../internal/cleanup';
import type { BusContext } from '../internal/context';
import { deepFreeze } from '../internal/deep-freeze';
import { getOrCreate } from '../internal/get-or-create';
import { createSweeper } from '../internal/sweeper';
import { assertFunction, assertName, assertSignal } from '../internal/validate';
import type {
  BusSnapshot,
  Cleanup,
  EventHandler,
  EventMeta,
  PublishOptions,
  PublishPluginMeta,
  Source,
  SubscribeOptions,
} from '../types';
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
  id: number;
  handler: EventHandler<unknown>;
  active: boolean;
  source: Source;
}

interface TopicRecord {
  subscribers: Set<Subscription>;
  buffer: ReplayBuffer;
}

const IDLE_BATCH = 64;

const byOrder = (a: { id: number }, b: { id: number }) => a.id - b.id;
const bySeq = (a: BufferedEvent, b: BufferedEvent) => a.seq - b.seq;

export function createPubSub(context: BusContext) {
  const { options, dispatcher, observers, plugins, demands } = context;
  const buffering = options.replayWindowMs > 0 && options.replayLimit > 0;
  // Maps, not objects: topics such as "__proto__" or "constructor" are ordinary keys.
  const topics = new Map<string, TopicRecord>();
  const patterns = new Map<string, Set<Subscription>>();
  // Topic records holding events, so the sweeper drops expired events of topics nobody touches again.
  const buffered = new Set<string>();
  let subscriptionId = 0;
  let eventSeq = 0;

  const newTopic = (): TopicRecord => ({
    subscribers: new Set(),
    buffer: new ReplayBuffer(options.replayLimit, options.replayWindowMs),
  });
  const newPatternSet = () => new Set<Subscription>();

  /** Forgets a topic once nobody listens and nothing is left to replay (if it is still the live record). */
  function releaseIfUnused(topic: string, record: TopicRecord, now: number): void {
    record.buffer.prune(now);
    if (record.buffer.size === 0) buffered.delete(topic);
    if (record.subscribers.size === 0 && record.buffer.size === 0 && topics.get(topic) === record) {
      topics.delete(topic);
    }
  }

  const sweeper = createSweeper((now) => {
    let next = Number.POSITIVE_INFINITY;
    for (const topic of buffered) {
      const record = topics.get(topic);
      if (record) releaseIfUnused(topic, record, now);
      else buffered.delete(topic);
      if (record && record.buffer.size > 0)
        next = Math.min(next, record.buffer.oldestTimestamp + options.replayWindowMs);
    }
    return next;
  });

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

  function receiversOf(topic: string, exact: Set<Subscription> | undefined): Iterable<Subscription> {
    if (patterns.size === 0) return exact ?? [];
    const merged = exact ? [...exact] : [];
    const exactCount = merged.length;
    for (const pattern of patternsMatching(topic)) {
      const subscribers = patterns.get(pattern);
      if (subscribers) merged.push(...subscribers);
    }
    return merged.length === exactCount && exact ? exact : merged.sort(byOrder);
  }

  function deliver(event: BufferedEvent): void {
    const lastId = subscriptionId;
    let record = topics.get(event.topic);
    if (event.replay && buffering) {
      record ??= getOrCreate(topics, event.topic, newTopic);
      if (record.buffer.size === 0) buffered.add(event.topic);
      record.buffer.push(event);
      sweeper.schedule(event.timestamp + options.replayWindowMs);
    }
    const meta: EventMeta = Object.freeze({
      topic: event.topic,
      timestamp: event.timestamp,
      replayed: false,
      seq: event.seq,
      source: event.source,
    });
    // The receivers' apps are listed only for observers: nothing is allocated per receiver otherwise.
    const receiverApps: Source[] | undefined = observers.active ? [] : undefined;
    let receivers = 0;
    for (const subscription of receiversOf(event.topic, record?.subscribers)) {
      // Skip subscriptions made during this delivery: they already got this event through replay.
      if (!subscription.active || subscription.id > lastId) continue;
      receivers++;
      receiverApps?.push(subscription.source);
      dispatcher.call(
        subscription.handler,
        event.payload,
        meta,
        undefined,
        'subscriber',
        event.topic,
        subscription.source,
      );
    }
    if (receiverApps && observers.active) {
      observers.emit({
        type: 'publish',
        timestamp: event.timestamp,
        seq: event.seq,
        topic: event.topic,
        source: event.source,
        payload: plugins.shown('event', event.topic, event.payload),
        receivers,
        receiverApps,
        replay: event.replay,
      });
    }
    if (record) releaseIfUnused(event.topic, record, event.timestamp);
  }

  function bufferedFor(topicOrPattern: string, pattern: boolean, after: number): BufferedEvent[] {
    const now = Date.now();
    if (!pattern) return topics.get(topicOrPattern)?.buffer.events(now, after) ?? [];
    const events: BufferedEvent[] = [];
    for (const topic of buffered) {
      if (patternMatches(topicOrPattern, topic)) events.push(...(topics.get(topic)?.buffer.events(now, after) ?? []));
    }
    return events.sort(bySeq);
  }

  function replay({ subscription, events }: { subscription: Subscription; events: BufferedEvent[] }): void {
    for (const event of events) {
      if (!subscription.active) return;
      const meta: EventMeta = Object.freeze({
        topic: event.topic,
        timestamp: event.timestamp,
        replayed: true,
        seq: event.seq,
        source: event.source,
      });
      dispatcher.call(
        subscription.handler,
        event.payload,
        meta,
        undefined,
        'subscriber',
        event.topic,
        subscription.source,
      );
    }
  }

  function unsubscribe(
    topicOrPattern: string,
    pattern: boolean,
    subscribers: Set<Subscription>,
    subscription: Subscription,
  ) {
    subscription.active = false;
    if (!subscribers.delete(subscription)) return;
    if (observers.active) {
      observers.emit({
        type: 'unsubscribe',
        timestamp: Date.now(),
        topic: topicOrPattern,
        source: subscription.source,
      });
    }
    if (demands.size !== 0) demands.listenerRemoved(topicOrPattern);
    if (subscribers.size > 0) return;
    if (pattern) {
      if (patterns.get(topicOrPattern) === subscribers) patterns.delete(topicOrPattern);
    } else {
      idle.add(topicOrPattern);
      if (idle.size > IDLE_BATCH) releaseIdle();
    }
  }

  return {
    publish(topic: string, payload: unknown, publishOptions: PublishOptions | undefined, source: Source): void {
      context.assertAlive('publish');
      assertName(topic, 'topic');
      assertPublishableTopic(topic);
      let replayable = publishOptions?.replay !== false;
      if (plugins.list.length !== 0) {
        const meta: PublishPluginMeta = { source, replay: replayable };
        payload = plugins.pipe('publish', topic, source, payload, (plugin, value) =>
          plugin.publish?.(topic, value, meta),
        );
        replayable = meta.replay !== false;
      }
      const event: BufferedEvent = {
        seq: ++eventSeq,
        topic,
        payload: deepFreeze(payload),
        timestamp: Date.now(),
        source,
        replay: replayable,
      };
      dispatcher.schedule(deliver, event);
    },

    subscribe(
      topicOrPattern: string,
      handler: EventHandler<unknown>,
      subscribeOptions: SubscribeOptions | undefined,
      source: Source,
      owned?: Owned,
    ): Cleanup {
      context.assertAlive('subscribe');
      assertName(topicOrPattern, 'topic or pattern');
      assertPatternShape(topicOrPattern);
      assertFunction(handler, 'handler');
      assertSignal(subscribeOptions?.signal);
      if (subscribeOptions?.signal?.aborted) return alreadyCleaned();

      // Work started on demand runs before the subscription exists: what it publishes reaches the new
      // subscriber once, by replay.
      if (demands.size !== 0) demands.listenerAdded(topicOrPattern);
      const pattern = isPattern(topicOrPattern);
      const subscription: Subscription = { id: ++subscriptionId, handler, active: true, source };
      // A set that holds a subscription is never released, so this reference stays the live one.
      const subscribers = pattern
        ? getOrCreate(patterns, topicOrPattern, newPatternSet)
        : getOrCreate(topics, topicOrPattern, newTopic).subscribers;
      subscribers.add(subscription);
      const cleanup = createCleanup(
        () => unsubscribe(topicOrPattern, pattern, subscribers, subscription),
        subscribeOptions?.signal,
        owned,
      );
      if (observers.active) observers.emit({ type: 'subscribe', timestamp: Date.now(), topic: topicOrPattern, source });
      if (subscribeOptions?.replay !== false && buffered.size !== 0) {
        const events = bufferedFor(topicOrPattern, pattern, subscribeOptions?.after ?? Number.NEGATIVE_INFINITY);
        if (events.length !== 0) {
          if (observers.active) {
            const seqs = events.map((event) => event.seq);
            observers.emit({ type: 'replay', timestamp: Date.now(), topic: topicOrPattern, source, seqs });
          }
          // Through the dispatcher: what a handler publishes during its replay comes after the replay.
          dispatcher.now(replay, { subscription, events });
        }
      }
      return cleanup;
    },

    /** One entry per subscription: its topic or pattern (for `onDemand`). */
    *listeners(): Iterable<string> {
      for (const [topic, record] of topics) for (const _ of record.subscribers) yield topic;
      for (const [pattern, set] of patterns) for (const _ of set) yield pattern;
    },

    /** Adds each subscription's app to `count`. */
    countApps(count: (app: Source) => void): void {
      for (const record of topics.values()) for (const subscription of record.subscribers) count(subscription.source);
      for (const set of patterns.values()) for (const subscription of set) count(subscription.source);
    },

    inspect(): Pick<BusSnapshot, 'topics' | 'patterns'> {
      idle.clear();
      const now = Date.now();
      for (const [topic, record] of topics) releaseIfUnused(topic, record, now);
      return {
        topics: [...topics].map(([topic, record]) => ({
          topic,
          subscribers: record.subscribers.size,
          buffered: record.buffer.events(now).map(({ seq, source, timestamp, payload }) => ({
            topic,
            seq,
            source,
            timestamp,
            payload: plugins.shown('event', topic, payload),
          })),
        })),
        patterns: [...patterns].map(([pattern, set]) => ({ pattern, subscribers: set.size })),
      };
    },

    clear(): void {
      for (const record of topics.values()) for (const subscription of record.subscribers) subscription.active = false;
      for (const set of patterns.values()) for (const subscription of set) subscription.active = false;
      topics.clear();
      patterns.clear();
      buffered.clear();
      idle.clear();
      sweeper.stop();
    },
  };
}

export type PubSub = ReturnType<typeof createPubSub>;
