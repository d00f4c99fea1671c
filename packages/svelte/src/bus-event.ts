import type { PatternPayload, SubscribeOptions } from '@mfe-bus/core';
import { type Readable, readable } from 'svelte/store';
import { type BusStoreOptions, busFromContext } from './context';

export interface BusEventOptions extends BusStoreOptions, Pick<SubscribeOptions, 'replay'> {}

/**
 * A readable store of the latest payload on `topicOrPattern`. Its first subscriber gets the most recent
 * event still in the bus's replay window (or `undefined`); it subscribes to the bus only while it has
 * subscribers. To handle every event (repeats included), subscribe on the bus (`setBusApp`'s scope).
 */
export function busEvent<Payload = unknown, Pattern extends string = string>(
  topicOrPattern: Pattern,
  { bus: given, app, ...subscribeOptions }: BusEventOptions = {},
): Readable<PatternPayload<Pattern, Payload> | undefined> {
  const bus = busFromContext({ bus: given, app });
  return readable<PatternPayload<Pattern, Payload> | undefined>(undefined, (set) => {
    // Nothing from before this subscription period except what the bus replays.
    set(undefined);
    return bus.subscribe<Payload, Pattern>(topicOrPattern, (payload) => set(payload), subscribeOptions);
  });
}
