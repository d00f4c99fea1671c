import { NgZone } from '@angular/core';
import type { Cleanup, EventHandler, PatternPayload, SubscribeOptions } from '@mfe-bus/core';
import { callerInjector } from './internal/caller-injector';
import { cleanupOnDestroy } from './internal/cleanup-on-destroy';
import { inZone } from './internal/in-zone';
import { MfeBus } from './mfe-bus.service';
import type { InjectOptions } from './types';

export type InjectSubscribeOptions = Omit<SubscribeOptions, 'signal'> & InjectOptions;

/**
 * Calls `handler` (inside Angular's zone) for each event of a topic or pattern, replayed ones included
 * unless `replay: false`, until the caller's injector is destroyed or the returned cleanup is called.
 */
export function injectSubscribe<Payload = unknown, Pattern extends string = string>(
  topicOrPattern: Pattern,
  handler: EventHandler<PatternPayload<Pattern, Payload>>,
  options: InjectSubscribeOptions = {},
): Cleanup {
  const { injector: given, ...subscribeOptions } = options;
  const injector = callerInjector(injectSubscribe, given);
  const bus = injector.get(MfeBus);
  const zoned = inZone(injector.get(NgZone), handler);
  return cleanupOnDestroy(injector, () => bus.subscribe<Payload, Pattern>(topicOrPattern, zoned, subscribeOptions));
}
