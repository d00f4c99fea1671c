import type { Source } from '../bus-under-test';

/**
 * Three topics: two under the `a:` pattern (one two levels deep), and `ab`, which starts like them but
 * is not under `a:`.
 */
export const TOPICS = ['a:x', 'a:y:z', 'ab'] as const;
export const PATTERNS = ['*', 'a:*'] as const;

export type Topic = (typeof TOPICS)[number];
export type Target = Topic | (typeof PATTERNS)[number];

export function targetMatches(target: Target, topic: string): boolean {
  if (target === '*') return true;
  return target.endsWith(':*') ? topic.startsWith(target.slice(0, -1)) : target === topic;
}

/** What a subscriber does when it receives an event (after it is logged). */
export type Reaction =
  | { kind: 'record' }
  | { kind: 'throw' }
  /** Publishes once, on the first event it receives (replayed or live). */
  | { kind: 'publish-once'; topic: Topic; replay: boolean }
  /** Aborts the signal it subscribed with, on the first event: it unsubscribes even during its replay. */
  | { kind: 'abort-on-first' };

export interface SubscribeSpec {
  target: Target;
  replay: boolean | undefined;
  /** `after`: the publish number (payload id) up to which replayed events are skipped. */
  afterPublish: number | undefined;
  reaction: Reaction;
}

/** What the caller froze before publishing: the bus must deep-freeze the payload whatever it was. */
export type PreFreeze = 'none' | 'outer' | 'inner';

export interface PublishSpec {
  topic: Topic;
  replay: boolean | undefined;
  preFreeze: PreFreeze;
}

/** Payloads are numbered by publish, 1, 2, …, in the order the model and the bus both publish them. */
export interface TestPayload {
  id: number;
  detail: { ids: number[] };
}

export function createPayload(id: number, preFreeze: PreFreeze): TestPayload {
  const payload = { id, detail: { ids: [id] } };
  if (preFreeze === 'outer') Object.freeze(payload);
  if (preFreeze === 'inner') Object.freeze(payload.detail.ids);
  return payload;
}

export function payloadId(payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null || !('id' in payload)) return undefined;
  return typeof payload.id === 'number' ? payload.id : undefined;
}

export type PubSubEntry =
  | {
      type: 'delivery';
      subscriber: number;
      topic: string;
      payload: number | undefined;
      replayed: boolean;
      timestamp: number;
      source: Source | undefined;
      frozen: boolean;
    }
  | { type: 'error'; subscriber: number | string; kind: string; topic: string | undefined; source: Source | undefined };
