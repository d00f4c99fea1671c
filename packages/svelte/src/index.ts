// Everything from the core too: `getBus().publish / provide / request`, `createBus`, errors and types.
export * from '@mfe-bus/core';
export { type BusEventOptions, busEvent } from './bus-event';
export {
  type BusRequestArgs,
  type BusRequestOptions,
  type BusRequestStore,
  busRequest,
  type RequestState,
} from './bus-request';
export { type BusStoreOptions, busState } from './bus-state';
