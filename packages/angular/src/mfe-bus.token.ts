import { InjectionToken, inject } from '@angular/core';
import { type Bus, type BusApi, getBus } from '@mfe-bus/core';

/**
 * The bus `MfeBus` talks to. Defaults to the page-wide `getBus()`, so every Angular app on the page (each
 * with its own root injector) shares one bus; override it with `provideMfeBus()`.
 */
export const MFE_BUS = new InjectionToken<Bus>('MFE_BUS', { providedIn: 'root', factory: () => getBus() });

/** What `MfeBus` calls: `MFE_BUS` itself, or its scope for `provideMfeBus({ app })`. */
export const MFE_BUS_API = new InjectionToken<BusApi>('MFE_BUS_API', {
  providedIn: 'root',
  factory: () => inject(MFE_BUS),
});
