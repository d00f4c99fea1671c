// The one place the model tests reach into the package: they run against the source, not a build.

export type {
  Bus,
  BusSnapshot,
  Cleanup,
  ErrorContext,
  EventMeta,
  RequestOptions,
  Source,
  StateMeta,
} from '../../src/index';
export { createBus, InvalidArgumentError, ProviderTimeoutError } from '../../src/index';
