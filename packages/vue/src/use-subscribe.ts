import type { Cleanup, EventHandler, PatternPayload, SubscribeOptions } from '@mfe-bus/core';
import { stopWithScope } from './scope';
import { useBus } from './use-bus';

/**
 * Calls `handler` for each event on `topicOrPattern` (`'cart:updated'`, `'cart:*'`, `'*'`), including
 * replayed recent ones, until the scope is disposed. Returns the stop handle.
 */
export function useSubscribe<Payload = unknown, Pattern extends string = string>(
  topicOrPattern: Pattern,
  handler: EventHandler<PatternPayload<Pattern, Payload>>,
  options?: SubscribeOptions,
): Cleanup {
  const stop = useBus().subscribe<Payload, Pattern>(topicOrPattern, handler, options);
  stopWithScope(stop, 'useSubscribe');
  return stop;
}
