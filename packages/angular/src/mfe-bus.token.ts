import { InjectionToken } from '@angular/core';
import { type Bus, getBus } from '@mfe-bus/core';

/**
 * The bus `MfeBus` talks to. Defaults to the page-wide `getBus()`, so every Angular app on the page (each
 * with its own root injector) shares one bus; override it with `provideMfeBus()`.
 */
export const MFE_BUS = new InjectionToken<Bus>('MFE_BUS', { providedIn: 'root', factory: () => getBus() });
