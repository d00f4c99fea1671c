import { getBus, type PatternPayload, type SubscribeOptions } from '@mfe-bus/core';
import { type Readable, readable } from 'svelte/store';
import type { BusStoreOptions } from './bus-state';

export interface BusEventOptions extends BusStoreOptions, Pick<SubscribeOptions, 'replay'> {}

/**
 * A readable store of the latest payload on `topicOrPattern`. Its first subscriber gets the most recent
 * event still in the bus's replay window (or `undefined`); it subscribes to the bus only while it has
 * subscribers. To handle every event (repeats included), use `getBus().subscribe`.
 */
export function busEvent<Payload = unknown, Pattern extends string = string>(
  topicOrPattern: Pattern,
  { bus = getBus(), ...subscribeOptions }: BusEventOptions = {},
): Readable<PatternPayload<Pattern, Payload> | undefined> {
  return readable<PatternPayload<Pattern, Payload> | undefined>(undefined, (set) => {
    // Nothing from before this subscription period except what the bus replays.
    set(undefined);
    return bus.subscribe<Payload, Pattern>(topicOrPattern, (payload) => set(payload), subscribeOptions);
  });
}
