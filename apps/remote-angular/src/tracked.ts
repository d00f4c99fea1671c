import { getBus } from '@mfe-bus/core';
import { trackBus } from '@mfe-bus-demo/contracts';

/** The bus this remote's injector gets (`provideMfeBus({ bus })`): the page-wide one, counted. */
export const tracked = trackBus(getBus());
