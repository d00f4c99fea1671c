import { type Bus, type BusApi, getBus, scopeOf } from '@mfe-bus/core';
import { createContext, createElement, type ReactNode, useContext, useEffect, useMemo, useRef } from 'react';

interface BusContextValue {
  /** The bus itself, which a nested provider without a `bus` prop keeps. */
  bus: Bus;
  /** What the hooks call: `bus`, or its scope for the provider's app. */
  api: BusApi;
}

const BusContext = createContext<BusContextValue | null>(null);
BusContext.displayName = 'MfeBus';

export interface BusProviderProps {
  /** The bus the subtree's hooks use. Default: the enclosing provider's bus, else the page-wide `getBus()`. */
  bus?: Bus;
  /**
   * The app (microfrontend) this subtree belongs to: its hooks go through `bus.scope(app)`, so what they
   * publish carries `meta.source = app` and `inspect().apps` counts what they hold. Not inherited: a
   * nested provider without `app` is unscoped.
   */
  app?: string;
  children?: ReactNode;
}

/**
 * Hands a bus, or one app's scope of it, to every hook below it. Optional: without a provider, hooks use
 * the page-wide bus unscoped. The scope is disposed when the provider unmounts, which undoes whatever
 * the subtree registered and left behind.
 */
export function BusProvider({ bus: given, app, children }: BusProviderProps): ReactNode {
  const outer = useContext(BusContext);
  const bus = given ?? outer?.bus ?? getBus();
  const scope = useMemo(() => (app === undefined ? undefined : scopeOf(bus, app)), [bus, app]);
  useDisposeOnUnmount(scope);
  const value = useMemo(() => ({ bus, api: scope ?? bus }), [bus, scope]);
  return createElement(BusContext.Provider, { value }, children);
}

/**
 * Disposes `scope` once the provider is gone for good. StrictMode and `<Activity>` run effect cleanups
 * parent first and may mount again at once; disposing then would reject the children's requests still
 * waiting (`ScopeDisposedError`) before they re-subscribe. So the dispose waits a microtask and is
 * skipped if the same scope is mounted again by then.
 */
function useDisposeOnUnmount(scope: { dispose(): void } | undefined): void {
  const mounted = useRef<unknown>(undefined);
  useEffect(() => {
    if (!scope) return;
    mounted.current = scope;
    return () => {
      mounted.current = undefined;
      queueMicrotask(() => {
        if (mounted.current !== scope) scope.dispose();
      });
    };
  }, [scope]);
}

/** The bus as the nearest `BusProvider` hands it (its app's scope, if any), or the page-wide bus. */
export function useBus(): BusApi {
  return useContext(BusContext)?.api ?? getBus();
}
