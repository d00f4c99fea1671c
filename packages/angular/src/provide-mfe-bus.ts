import { DestroyRef, type EnvironmentProviders, inject, makeEnvironmentProviders } from '@angular/core';
import { type Bus, type BusOptions, getBus, type ScopedBus, scopeOf } from '@mfe-bus/core';
import { MFE_BUS, MFE_BUS_API } from './mfe-bus.token';

/**
 * A given bus (tests, an isolated scope), or options for the page-wide bus (the first creator's win); and
 * `app`, the app (microfrontend) this injector tree is: `MfeBus` and the `inject*` helpers then go through
 * `bus.scope(app)`, disposed when the environment injector is destroyed (the application, for a root).
 */
export type MfeBusConfig = ({ bus: Bus } | BusOptions) & { app?: string };

function chooseBus(config: { bus: Bus } | BusOptions): Bus {
  return 'bus' in config ? config.bus : getBus(config);
}

function appScope(app: string): ScopedBus {
  const scope = scopeOf(inject(MFE_BUS), app);
  inject(DestroyRef).onDestroy(() => scope.dispose());
  return scope;
}

/** Chooses the bus of this injector tree (`getBus()` by default) and, with `app`, scopes it to that app. */
export function provideMfeBus({ app, ...config }: MfeBusConfig = {}): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: MFE_BUS, useFactory: () => chooseBus(config) },
    app === undefined ? [] : { provide: MFE_BUS_API, useFactory: () => appScope(app) },
  ]);
}
