import type { EventHandler, PatternPayload, SubscribeOptions } from '@mfe-bus/core';
import { useEffect, useRef } from 'react';
import { useBus } from './bus-context';
import { useLatest } from './internal/use-latest';

export type UseSubscribeOptions = Pick<SubscribeOptions, 'replay'>;

/**
 * Subscribes for the component's lifetime and always calls the latest `handler` (no resubscription on
 * re-render). Replay passes through to the core; when the same component subscribes to the same topic
 * again (StrictMode's second effect run, `<Activity>` showing it again), events it already received are
 * not replayed a second time.
 */
export function useSubscribe<Payload = unknown, Pattern extends string = string>(
  topicOrPattern: Pattern,
  handler: EventHandler<PatternPayload<Pattern, Payload>>,
  options: UseSubscribeOptions = {},
): void {
  const bus = useBus();
  const latest = useLatest(handler);
  const replay = options.replay ?? true;
  const previous = useRef<{ bus: unknown; topicOrPattern: string; until: number } | null>(null);

  useEffect(() => {
    const last = previous.current;
    const seenUntil =
      last?.bus === bus && last.topicOrPattern === topicOrPattern ? last.until : Number.NEGATIVE_INFINITY;
    const unsubscribe = bus.subscribe<Payload, Pattern>(
      topicOrPattern,
      (payload, meta) => {
        if (meta.replayed && meta.timestamp <= seenUntil) return;
        latest.current(payload, meta);
      },
      { replay },
    );
    return () => {
      unsubscribe();
      previous.current = { bus, topicOrPattern, until: Date.now() };
    };
  }, [bus, topicOrPattern, replay, latest]);
}
