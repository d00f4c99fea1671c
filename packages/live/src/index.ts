export { type CommitOutcome, type CommitSend, commitState, pendingKey } from './commit-state';
export { connectLive } from './connect-live';
export type {
  AuthOptions,
  LiveMessage,
  LiveOperation,
  LiveOptions,
  LiveSocket,
  LiveStatus,
  OpenContext,
  ResumeInfo,
  RetryOptions,
  RouteResult,
} from './types';
