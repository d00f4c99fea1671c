import { type Bus, type BusApi, getBus, type ScopedBus, scopeOf } from '@mfe-bus/core';
import { getContext, onDestroy, setContext } from 'svelte';

export interface BusStoreOptions {
  /** The bus to use. Default: the bus of `setBusApp` in an ancestor component, else the page-wide `getBus()`. */
  bus?: Bus | undefined;
  /** Go through `bus.scope(app)` (attributes what the store holds and publishes to `app`). Default: `setBusApp`'s. */
  app?: string | undefined;
}

interface BusContext {
  bus: Bus;
  scope: ScopedBus;
}

const KEY = Symbol('mfe-bus');

/**
 * Names the app (microfrontend) a root component belongs to: the stores its subtree makes go through
 * `bus.scope(app)`, disposed when this component is destroyed. Call it while the root initialises; it
 * returns the scope, for calls made on the bus directly (`scope.subscribe`, `scope.provide`).
 */
export function setBusApp(app: string, bus: Bus = getBus()): ScopedBus {
  const scope = scopeOf(bus, app);
  setContext<BusContext>(KEY, { bus, scope });
  onDestroy(() => scope.dispose());
  return scope;
}

function fromContext(): BusContext | undefined {
  try {
    return getContext<BusContext | undefined>(KEY);
  } catch {
    return undefined; // outside component initialisation (a plain module, a test): there is no context
  }
}

/**
 * What the stores call, for direct calls (`publish`, `provide`): `bus.scope(app)` for an explicit `app`
 * (not disposed: undo its registrations yourself), else an explicit `bus`, else the scope `setBusApp` set
 * in an ancestor (read while a component initialises), else the page-wide `getBus()`.
 */
export function busFromContext({ bus, app }: BusStoreOptions = {}): BusApi {
  const context = fromContext();
  if (app !== undefined) return scopeOf(bus ?? context?.bus ?? getBus(), app);
  return bus ?? context?.scope ?? getBus();
}
