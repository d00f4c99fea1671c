import type { BusApi, EventHandler, PatternPayload, SubscribeOptions } from '@mfe-bus/core';
import { useEffect, useRef } from 'react';
import { useBus } from './bus-context';
import { useLatest } from './internal/use-latest';

export type UseSubscribeOptions = Pick<SubscribeOptions, 'replay'>;

/** The highest `meta.seq` one component has received on one bus and topic. */
interface Seen {
  bus: BusApi;
  topicOrPattern: string;
  seq: number;
}

/**
 * Subscribes for the component's lifetime and always calls the latest `handler` (no resubscription on
 * re-render). Replay passes through to the core; when the same component subscribes to the same topic
 * again (StrictMode's second effect run, `<Activity>` showing it again), it asks the core to replay only
 * events after the last one it received (`after: seq`), so none arrives twice and none is lost.
 */
export function useSubscribe<Payload = unknown, Pattern extends string = string>(
  topicOrPattern: Pattern,
  handler: EventHandler<PatternPayload<Pattern, Payload>>,
  options: UseSubscribeOptions = {},
): void {
  const bus = useBus();
  const latest = useLatest(handler);
  const replay = options.replay ?? true;
  const seen = useRef<Seen | null>(null);

  useEffect(() => {
    const last = seen.current;
    const after = last?.bus === bus && last.topicOrPattern === topicOrPattern ? last.seq : 0;
    const current: Seen = { bus, topicOrPattern, seq: after };
    seen.current = current;
    return bus.subscribe<Payload, Pattern>(
      topicOrPattern,
      (payload, meta) => {
        if (meta.seq > current.seq) current.seq = meta.seq;
        latest.current(payload, meta);
      },
      { replay, after },
    );
  }, [bus, topicOrPattern, replay, latest]);
}
