export type {
  ChurnChange,
  ChurnEntry,
  EntryType,
  ListenerErrorEntry,
  ProvideEntry,
  PublishEntry,
  ReportEntry,
  RequestEntry,
  RequestStatus,
  RequestStep,
  RequestStepName,
  StateEntry,
  TimelineEntry,
} from './recorder/entries';
export { type Recorder, type RecordOptions, record } from './recorder/record';
export { redactSecrets } from './recorder/redact';
export type { TimelineFile } from './recorder/timeline-file';
export { connectReduxDevTools, type ReduxDevToolsOptions } from './redux/connect-redux-devtools';
