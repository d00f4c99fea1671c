import type { BusSnapshot } from '../bus-under-test';

export type Counts = BusSnapshot['counts'];

export const NOTHING_REGISTERED: Counts = { subscribers: 0, watchers: 0, providers: 0, pending: 0 };
