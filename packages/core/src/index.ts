export { createBus } from './bus/create-bus';
export {
  BusDestroyedError,
  InvalidArgumentError,
  MfeBusError,
  type MfeBusErrorCode,
  ProtocolMismatchError,
  ProviderTimeoutError,
} from './errors';
export { type BusRecord, GLOBAL_KEY, getBus } from './global/get-bus';
export { stableKey } from './internal/stable-key';
export {
  type ObserveRequestOptions,
  observeRequest,
  type RequestObserver,
  type RequestState,
  type RequestStatus,
} from './request/request-observer';
export type * from './types';
export { PROTOCOL, VERSION } from './version';
