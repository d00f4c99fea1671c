export { type BusEventOptions, busEvent } from './bus-event';
export { type BusRequestArgs, type BusRequestOptions, type BusRequestStore, busRequest } from './bus-request';
export { type BusStoreOptions, busState } from './bus-state';

// Everything from the core too (getBus, createBus, errors, types), so one import is enough.

export * from '@mfe-bus/core';
