export { injectBusState } from './inject-bus-state';
export { type InjectProvideOptions, injectProvide } from './inject-provide';
export { type InjectSubscribeOptions, injectSubscribe } from './inject-subscribe';
export { MfeBus } from './mfe-bus.service';
export { MFE_BUS } from './mfe-bus.token';
export { type MfeBusConfig, provideMfeBus } from './provide-mfe-bus';
export type { BusStateSignal, InjectOptions, Request$Args, Request$Options } from './types';

// Everything from the core too (getBus, createBus, errors, types), so one import is enough.

export * from '@mfe-bus/core';
