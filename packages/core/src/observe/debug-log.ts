import type { BusRecord } from '../records';

const PREFIX = '[mfe-bus]';
const from = (source: string | null) => (source === null ? '' : ` (${source})`);

/** One console line per record: what `bus.debug(true)` prints. */
export function logRecord(record: BusRecord): void {
  switch (record.type) {
    case 'publish':
      console.log(`${PREFIX} publish ${record.topic}${from(record.source)} -> ${record.receivers} receiver(s)`, {
        payload: record.payload,
        seq: record.seq,
        receiverApps: record.receiverApps,
      });
      return;
    case 'state':
      console.log(`${PREFIX} state ${record.key}${from(record.source)}`, {
        previous: record.previous,
        next: record.next,
      });
      return;
    case 'provide':
      if (record.registered > 1) {
        console.warn(
          `${PREFIX} a second provider for "${record.key}" takes over; the previous one is kept as a fallback`,
        );
      }
      console.log(`${PREFIX} provider registered for ${record.key}${from(record.source)}`);
      return;
    case 'unprovide':
      console.log(`${PREFIX} provider removed for ${record.key}${from(record.source)}`);
      return;
    case 'listener-error':
    case 'report':
      // onError already shows these.
      return;
    default:
      if (record.type.startsWith('request:')) {
        const { key, params, requester, provider, durationMs, error } = record as Extract<BusRecord, { call: number }>;
        console.log(`${PREFIX} ${record.type} ${key}${from(requester)}`, { params, provider, durationMs, error });
      }
  }
}
