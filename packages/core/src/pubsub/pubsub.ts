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
import { ReplayBuffer } from './replay-buffer';
import { createTopicIndex } from './topic-index';
import { assertPatternShape, assertPublishableTopic, isPattern, patternsMatching } from './topic-pattern';

interface Subscription {
  /** Bus-wide subscription order: delivery follows it, across exact topics and patterns. */
  id: number;
  handler: EventHandler<unknown>;
  active: boolean;
  source: Source;
  /** The topic or pattern, and the list it sits in (a topic's `exact`, or a pattern's list). */
  name: string;
  list: Subscription[];
}

interface TopicRecord {
  /** Subscribers of this exact topic, in subscription order. */
  exact: Subscription[];
  /**
   * Who receives this topic's events (exact and matching pattern subscribers, in subscription order),
   * built on the first publish after a change; never mutated, so a delivery iterates it while handlers
   * subscribe and unsubscribe. Valid while `epoch` equals the bus's pattern epoch.
   */
  receivers: Subscription[] | undefined;
  epoch: number;
  buffer: ReplayBuffer | undefined;
}

const IDLE_BATCH = 64;
const NONE: Subscription[] = [];

const byId = (a: Subscription, b: Subscription) => a.id - b.id;

/**
 * `subscription` added to `list`, which becomes its list. A new list (`NONE` stands for none yet) is an
 * array of one: a push onto an empty array reserves 16 slots, 144 B on 64-bit Node, for every topic with
 * one subscriber. A list that emptied keeps its slots, so re-subscribing allocates nothing.
 */
function appended(list: Subscription[], subscription: Subscription): Subscription[] {
  if (list === NONE) list = [subscription];
  else list.push(subscription);
  subscription.list = list;
  return list;
}

export function createPubSub(context: BusContext) {
  const { options, dispatcher, observers, plugins, demands } = context;
  const { replayWindowMs, replayLimit } = options;
  const buffering = replayWindowMs > 0 && replayLimit > 0;
  // Maps, not objects: topics such as "__proto__" or "constructor" are ordinary keys.
  const topics = new Map<string, TopicRecord>();
  const patterns = new Map<string, Subscription[]>();
  // Topics holding events, by every pattern that matches them: a late pattern subscriber and the sweeper
  // visit those, not every topic.
  const buffered = createTopicIndex();
  // Bumped whenever a pattern subscription comes or goes: every topic's receivers are rebuilt lazily.
  let patternEpoch = 0;
  let subscriptionId = 0;
  let eventSeq = 0;

  const newTopic = (): TopicRecord => ({ exact: NONE, receivers: undefined, epoch: 0, buffer: undefined });

  /** Forgets a topic once nobody listens and nothing is left to replay (if it is still the live record). */
  function releaseIfUnused(topic: string, record: TopicRecord, now: number): void {
    const { buffer } = record;
    if (buffer) {
      buffer.prune(now);
      if (buffer.size > 0) return;
      buffered.remove(topic);
    }
    if (record.exact.length === 0 && topics.get(topic) === record) topics.delete(topic);
  }

  const sweeper = createSweeper((now) => {
    let next = Number.POSITIVE_INFINITY;
    for (const topic of buffered.all()) {
      const record = topics.get(topic) as TopicRecord;
      releaseIfUnused(topic, record, now);
      if (record.buffer?.size) next = Math.min(next, record.buffer.expiresAt);
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

  function collectReceivers(topic: string, exact: Subscription[]): Subscription[] {
    const receivers = exact.slice();
    let lists = exact.length > 0 ? 1 : 0;
    for (const pattern of patternsMatching(topic)) {
      const list = patterns.get(pattern);
      if (!list) continue;
      receivers.push(...list);
      lists++;
    }
    return lists > 1 ? receivers.sort(byId) : receivers;
  }

  function receiversOf(topic: string, record: TopicRecord | undefined): Subscription[] {
    if (!record) return patterns.size === 0 ? NONE : collectReceivers(topic, NONE);
    if (record.receivers === undefined || record.epoch !== patternEpoch) {
      record.receivers = patterns.size === 0 ? record.exact.slice() : collectReceivers(topic, record.exact);
      record.epoch = patternEpoch;
    }
    return record.receivers;
  }

  function deliver(meta: EventMeta, payload: unknown, record: TopicRecord | undefined, replay: boolean): void {
    const { topic } = meta;
    // A snapshot: subscriptions made during this delivery are not in it (they get this event by replay).
    const receivers = receiversOf(topic, record);
    // The receivers' apps are listed only for observers: nothing is allocated per receiver otherwise.
    const receiverApps: Source[] | undefined = observers.active ? [] : undefined;
    let count = 0;
    for (const subscription of receivers) {
      if (!subscription.active) continue;
      count++;
      receiverApps?.push(subscription.source);
      dispatcher.call(subscription.handler, payload, meta, undefined, 'subscriber', topic, subscription.source);
    }
    if (receiverApps && observers.active) {
      observers.emit({
        type: 'publish',
        timestamp: meta.timestamp,
        seq: meta.seq,
        topic,
        source: meta.source,
        payload: plugins.shown('event', topic, payload),
        receivers: count,
        receiverApps,
        replay,
        via: meta.via,
      });
    }
    if (record) releaseIfUnused(topic, record, meta.timestamp);
  }

  function deliverLive(meta: EventMeta, payload: unknown): void {
    deliver(meta, payload, topics.get(meta.topic), false);
  }

  function deliverBuffered(meta: EventMeta, payload: unknown): void {
    const record = getOrCreate(topics, meta.topic, newTopic);
    record.buffer ??= new ReplayBuffer(replayLimit, replayWindowMs);
    if (record.buffer.size === 0) buffered.add(meta.topic);
    record.buffer.push(meta, payload);
    sweeper.schedule(meta.timestamp + replayWindowMs);
    deliver(meta, payload, record, true);
  }

  /** The buffered events a new subscription gets, oldest first. */
  function bufferedFor(topicOrPattern: string, pattern: boolean, after: number): [EventMeta, unknown][] {
    const events: [EventMeta, unknown][] = [];
    const now = Date.now();
    const collect = (meta: EventMeta, payload: unknown) => events.push([meta, payload]);
    for (const topic of pattern ? buffered.matching(topicOrPattern) : [topicOrPattern]) {
      topics.get(topic)?.buffer?.forEach(now, after, collect);
    }
    return pattern ? events.sort(([a], [b]) => a.seq - b.seq) : events;
  }

  function replay(subscription: Subscription, events: [EventMeta, unknown][]): void {
    for (const [meta, payload] of events) {
      if (!subscription.active) return;
      const replayed = Object.freeze({ ...meta, replayed: true });
      dispatcher.call(
        subscription.handler,
        payload,
        replayed,
        undefined,
        'subscriber',
        meta.topic,
        subscription.source,
      );
    }
  }

  function unsubscribe(subscription: Subscription): void {
    subscription.active = false;
    const { list, name } = subscription;
    // Usually the newest subscription leaves first (a component unmounting): found at once, popped.
    const index = list.lastIndexOf(subscription);
    if (index === list.length - 1) list.pop();
    else list.splice(index, 1);
    if (observers.active) {
      observers.emit({ type: 'unsubscribe', timestamp: Date.now(), topic: name, source: subscription.source });
    }
    if (demands.size !== 0) demands.listenerRemoved(name);
    const record = topics.get(name);
    if (record?.exact === list) {
      record.receivers = undefined;
      if (list.length === 0) {
        idle.add(name);
        if (idle.size > IDLE_BATCH) releaseIdle();
      }
    } else if (patterns.get(name) === list) {
      patternEpoch++;
      if (list.length === 0) patterns.delete(name);
    }
  }

  return {
    publish(topic: string, payload: unknown, publishOptions: PublishOptions | undefined, source: Source): void {
      context.assertAlive('publish');
      // A topic with a record was checked when the record was made.
      if (!topics.has(topic)) {
        assertName(topic, 'topic');
        assertPublishableTopic(topic);
      }
      let replayable = publishOptions?.replay !== false;
      if (plugins.list.length !== 0) {
        const pluginMeta: PublishPluginMeta = { source, replay: replayable, via: publishOptions?.via };
        payload = plugins.pipe('publish', topic, source, payload, (plugin, value) =>
          plugin.publish?.(topic, value, pluginMeta),
        );
        replayable = pluginMeta.replay !== false;
      }
      deepFreeze(payload);
      // One frozen meta per event, shared by its receivers and kept in the replay buffer.
      const meta: EventMeta = Object.freeze({
        topic,
        timestamp: Date.now(),
        replayed: false,
        seq: ++eventSeq,
        source,
        via: publishOptions?.via,
        replay: replayable,
      });
      dispatcher.schedule(replayable && buffering ? deliverBuffered : deliverLive, meta, payload);
    },

    subscribe(
      topicOrPattern: string,
      handler: EventHandler<unknown>,
      subscribeOptions: SubscribeOptions | undefined,
      source: Source,
      owned?: Owned,
    ): Cleanup {
      context.assertAlive('subscribe');
      // A topic the bus holds passed these checks when it was first used (patterns are never held as topics).
      const knownTopic = topics.has(topicOrPattern);
      if (!knownTopic) {
        assertName(topicOrPattern, 'topic or pattern');
        assertPatternShape(topicOrPattern);
      }
      assertFunction(handler, 'handler');
      const signal = subscribeOptions?.signal;
      assertSignal(signal);
      if (signal?.aborted) return alreadyCleaned();

      // Work started on demand runs before the subscription exists: what it publishes reaches the new
      // subscriber once, by replay.
      if (demands.size !== 0) demands.listenerAdded(topicOrPattern);
      const pattern = !knownTopic && isPattern(topicOrPattern);
      const subscription: Subscription = {
        id: ++subscriptionId,
        handler,
        active: true,
        source,
        name: topicOrPattern,
        list: NONE,
      };
      if (pattern) {
        const list = appended(patterns.get(topicOrPattern) ?? NONE, subscription);
        patterns.set(topicOrPattern, list);
        patternEpoch++;
      } else {
        const record = getOrCreate(topics, topicOrPattern, newTopic);
        record.receivers = undefined;
        record.exact = appended(record.exact, subscription);
      }
      const cleanup = createCleanup(unsubscribe, subscription, signal, owned);
      if (observers.active) observers.emit({ type: 'subscribe', timestamp: Date.now(), topic: topicOrPattern, source });
      if (subscribeOptions?.replay !== false && buffered.size !== 0) {
        const events = bufferedFor(topicOrPattern, pattern, subscribeOptions?.after ?? Number.NEGATIVE_INFINITY);
        if (events.length !== 0) {
          if (observers.active) {
            const seqs = events.map(([meta]) => meta.seq);
            observers.emit({ type: 'replay', timestamp: Date.now(), topic: topicOrPattern, source, seqs });
          }
          // Through the dispatcher: what a handler publishes during its replay comes after the replay.
          dispatcher.now(replay, subscription, events);
        }
      }
      return cleanup;
    },

    /** One entry per subscription: its topic or pattern (for `onDemand`). */
    *listeners(): Iterable<string> {
      for (const [topic, record] of topics) for (const _ of record.exact) yield topic;
      for (const [pattern, list] of patterns) for (const _ of list) yield pattern;
    },

    /** Adds each subscription's app to `count`. */
    countApps(count: (app: Source) => void): void {
      for (const record of topics.values()) for (const subscription of record.exact) count(subscription.source);
      for (const list of patterns.values()) for (const subscription of list) count(subscription.source);
    },

    inspect(): Pick<BusSnapshot, 'topics' | 'patterns'> {
      idle.clear();
      const now = Date.now();
      for (const [topic, record] of topics) releaseIfUnused(topic, record, now);
      return {
        topics: [...topics].map(([topic, record]) => {
          const events: BusSnapshot['topics'][number]['buffered'] = [];
          record.buffer?.forEach(now, Number.NEGATIVE_INFINITY, ({ seq, source, timestamp }, payload) => {
            events.push({ topic, seq, source, timestamp, payload: plugins.shown('event', topic, payload) });
          });
          return { topic, subscribers: record.exact.length, buffered: events };
        }),
        patterns: [...patterns].map(([pattern, list]) => ({ pattern, subscribers: list.length })),
      };
    },

    clear(): void {
      for (const record of topics.values()) for (const subscription of record.exact) subscription.active = false;
      for (const list of patterns.values()) for (const subscription of list) subscription.active = false;
      topics.clear();
      patterns.clear();
      buffered.clear();
      idle.clear();
      sweeper.stop();
    },
  };
}

export type PubSub = ReturnType<typeof createPubSub>;
