export { type BusEventOptions, busEvent } from './bus-event';
export { type BusRequestArgs, type BusRequestOptions, type BusRequestStore, busRequest } from './bus-request';
export { busState } from './bus-state';
export { type BusStoreOptions, busFromContext, setBusApp } from './context';

// Everything from the core too (getBus, createBus, errors, types), so one import is enough.

export * from '@mfe-bus/core';
