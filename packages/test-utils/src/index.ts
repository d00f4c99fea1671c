export { appCounts, type Counts, ZERO_COUNTS } from './counts';
export { type ManualCall, type ManualProvider, manualProvider } from './manual-provider';
export { missingCoreExports } from './re-exports';
