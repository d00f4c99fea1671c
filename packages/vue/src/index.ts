export { BUS_KEY, MfeBusPlugin, type MfeBusPluginOptions } from './plugin';
export { useBus } from './use-bus';
export { type BusStateRef, useBusState } from './use-bus-state';
export { useProvide } from './use-provide';
export { usePublish } from './use-publish';
export { type UseRequestArgs, type UseRequestOptions, type UseRequestReturn, useRequest } from './use-request';
export { useSubscribe } from './use-subscribe';

// Everything from the core too (getBus, createBus, errors, types), so one import is enough.

export * from '@mfe-bus/core';
