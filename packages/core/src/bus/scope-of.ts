import type { Bus, ScopedBus } from '../types';

/**
 * `bus.scope(app)`, for code (such as the framework bindings) that may meet a page-wide bus created by an
 * older copy of the library (protocol 1.0, which `getBus()` reports once). On such a bus it returns the
 * bus's own primitives under the app's name: everything works, calls are not attributed to the app, and
 * `dispose()` does nothing (each registration keeps its own cleanup).
 */
export function scopeOf(bus: Bus, app: string): ScopedBus {
  if (typeof bus.scope === 'function') return bus.scope(app);
  const { publish, subscribe, setState, getState, watchState, provide, request, invalidate, inspect } = bus;
  return Object.freeze({
    app,
    publish,
    subscribe,
    setState,
    getState,
    watchState,
    provide,
    request,
    invalidate,
    inspect,
    dispose() {},
  });
}
