import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { type Bus, type BusOptions, getBus } from '@mfe-bus/core';
import { MFE_BUS } from './mfe-bus.token';

/** A given bus (tests, an isolated scope), or options for the page-wide bus (the first creator's win). */
export type MfeBusConfig = { bus: Bus } | BusOptions;

function chooseBus(config: MfeBusConfig | undefined): Bus {
  return config !== undefined && 'bus' in config ? config.bus : getBus(config as BusOptions | undefined);
}

/** Chooses the bus of this injector tree: `getBus()` by default, `getBus(options)`, or a bus you pass. */
export function provideMfeBus(config?: MfeBusConfig): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: MFE_BUS, useFactory: () => chooseBus(config) }]);
}
