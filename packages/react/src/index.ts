export { BusProvider, type BusProviderProps, useBus } from './bus-context';
export { type SetConnecticState, useBusState, useConnecticState } from './use-connectic-state';
export { useProvide } from './use-provide';
export { usePublish } from './use-publish';
export { type UseRequestArgs, type UseRequestOptions, type UseRequestResult, useRequest } from './use-request';
export { type UseSubscribeOptions, useSubscribe } from './use-subscribe';
export { useSuspenseRequest } from './use-suspense-request';

// Everything from the core too (getBus, createBus, errors, types), so one import is enough.

export * from '@mfe-bus/core';
