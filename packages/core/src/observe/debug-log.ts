import type { BusRecord } from '../records';

/**
 * What `bus.debug(true)` prints: one console line per record, `[mfe-bus] <type> <topic or key> (<app>)`,
 * with the record itself to expand. Listener errors and reports are left to `onError`, which shows them.
 */
export function logRecord(record: BusRecord): void {
  if (record.type === 'listener-error' || record.type === 'report') return;
  const subject = 'topic' in record ? record.topic : 'key' in record ? record.key : `scope, ${record.removed} removed`;
  const app = 'source' in record ? record.source : record.requester;
  console.log(`[mfe-bus] ${record.type} ${subject}${app === null ? '' : ` (${app})`}`, record);
  if (record.type === 'provide' && record.registered > 1) {
    console.warn(`[mfe-bus] a second provider for "${record.key}" takes over; the previous one is kept as a fallback`);
  }
}
