import type { Bus, BusApi, Cleanup, EventMeta, Source, StateMeta } from '@mfe-bus/core';
import type { BridgePlugin } from './bridge-plugin';
import { isCloneable, notCloneable } from './cloneable';
import type { Message, StateEntry } from './envelope';
import { scopeFor } from './scope-for';
import { covers, type Lanes } from './share';
import type { Clock } from './state-clock';

export interface ExchangeOptions {
  bus: Bus;
  /** The bridge's registrations (subscriptions, watchers) are made through this scope. */
  scope: BusApi;
  /** The bridge's name: what it delivers carries it as `meta.via`, and what carries it is never sent back. */
  via: string;
  lanes: Lanes;
  clock: Clock;
  send(message: Message): void;
  plugin: BridgePlugin;
}

/** Shared events and state, both ways: what this side publishes and writes goes out, what arrives goes in. */
export function createExchange({ bus, scope, via, lanes, clock, send, plugin }: ExchangeOptions) {
  const { drop, arrived, isSensitive } = plugin;
  const registrations: Cleanup[] = [];
  // Overlapping patterns (`cart:*` and `cart:updated`) deliver one event to each: it is sent once.
  let lastSeq = 0;

  const forwardEvent = (payload: unknown, { via: carrier, seq, topic, source, replay }: EventMeta) => {
    if (carrier === via || seq === lastSeq) return;
    lastSeq = seq;
    // An event kept out of replay here (published { replay: false }, or a sensitive topic such as a
    // token) is kept out of the other side's replay buffer too. `replay` is absent on a pre-1.1 core.
    send(['event', topic, payload, source, replay !== false && !isSensitive('event', topic)]);
  };
  for (const pattern of lanes.eventsOut) registrations.push(scope.subscribe(pattern, forwardEvent, { replay: false }));

  const forwardState = (value: unknown, _previous: unknown, { key, via: carrier, source }: StateMeta) => {
    // The immediate call of a key nobody wrote yet is no write.
    if (carrier === via || (value === undefined && !clock.holds(key))) return;
    // Written before this bridge's plugin was there to refuse it.
    if (!isCloneable(value)) return drop('refused', key, { error: notCloneable(key) });
    send(['state', clock.write(key, value, source)]);
  };
  for (const key of lanes.stateOut) registrations.push(scope.watchState(key, forwardState, { immediate: true }));

  function receiveEvent(topic: string, payload: unknown, source: Source, replay: boolean) {
    if (!covers(lanes.eventsIn, topic)) return drop('not-shared', topic, { source, once: true });
    try {
      arrived(payload, () => scopeFor(bus, source).publish(topic, payload, { via, replay }));
    } catch (error) {
      drop('refused', topic, { source, error });
    }
  }

  function receiveState(entry: StateEntry) {
    const [key, value, time, writer, source] = entry;
    if (!lanes.stateIn.includes(key)) return drop('not-shared', key, { source, once: true });
    if (!clock.isNewer(entry)) return;
    try {
      arrived(value, () => scopeFor(bus, source).setState(key, value, { via }));
      clock.hold([key, bus.getState(key), time, writer, source]);
    } catch (error) {
      drop('refused', key, { source, error });
    }
  }

  return {
    snapshot: (to = ''): Message => ['snapshot', clock.time(), clock.entries(lanes.stateOut), to],
    /** Takes an event, a state write or a snapshot; false for any other message. */
    receive(message: Message): boolean {
      if (message[0] === 'event') receiveEvent(message[1], message[2], message[3], message[4]);
      else if (message[0] === 'state') receiveState(message[1]);
      else if (message[0] === 'snapshot') {
        clock.meet(message[1]);
        message[2].forEach(receiveState);
      } else return false;
      return true;
    },
    close(): void {
      for (const cleanup of registrations.splice(0)) cleanup();
    },
  };
}
