import type { StateValue } from '@mfe-bus/core';
import { callerInjector } from './internal/caller-injector';
import { MfeBus } from './mfe-bus.service';
import type { BusStateSignal, InjectOptions } from './types';

/**
 * The shared value under `key` as a signal, with `set`/`update` that write to the bus (so every app sees
 * them). Call it in an injection context (field initialiser, constructor) or pass `{ injector }`; it stops
 * watching when that injector is destroyed.
 */
export function injectBusState<Value = unknown, Key extends string = string>(
  key: Key,
  options?: InjectOptions,
): BusStateSignal<StateValue<Key, Value>> {
  const injector = callerInjector(injectBusState, options?.injector);
  const bus = injector.get(MfeBus);
  return Object.assign(bus.state<Value, Key>(key, { injector }), {
    set: (value: StateValue<Key, Value>) => bus.setState<Value, Key>(key, value),
    update: (updater: (previous: StateValue<Key, Value> | undefined) => StateValue<Key, Value>) =>
      bus.setState<Value, Key>(key, updater),
  });
}
