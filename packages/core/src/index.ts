export { createBus } from './bus/create-bus';
export { scopeOf } from './bus/scope-of';
export {
  BusDestroyedError,
  type ErrorCode,
  InvalidArgumentError,
  MfeBusError,
  type MfeBusErrorCode,
  ProtocolMismatchError,
  ProviderTimeoutError,
  ScopeDisposedError,
} from './errors';
export { type BusRegistryEntry, GLOBAL_KEY, getBus } from './global/get-bus';
export { toCleanup } from './internal/cleanup';
export { stableKey } from './internal/stable-key';
export type * from './records';
export {
  type ObserveRequestOptions,
  observeRequest,
  type RequestObserver,
  type RequestState,
  type RequestStatus,
} from './request/request-observer';
export type * from './types';
export { PROTOCOL, VERSION } from './version';
