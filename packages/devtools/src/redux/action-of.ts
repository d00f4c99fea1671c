import type { BusRecord } from '@mfe-bus/core';
import { summarise } from './summarise';

/** Records that become no action: subscription churn would drown the log. */
const QUIET = new Set<BusRecord['type']>(['subscribe', 'unsubscribe', 'watch', 'unwatch', 'replay']);

/**
 * The Redux DevTools action for a record, its app in the type (`[cart] publish cart:updated`,
 * `[shell] set theme`, `[react] request:queued user:permissions`), or undefined for churn.
 */
export function actionOf(record: BusRecord): { type: string; [field: string]: unknown } | undefined {
  if (QUIET.has(record.type)) return undefined;
  const { type, timestamp: _, ...fields } = record as BusRecord & Record<string, unknown>;
  const app = ('source' in record ? record.source : record.requester) ?? 'bus';
  const verb = record.type === 'state' ? 'set' : record.type === 'report' ? record.report : type;
  const name =
    'topic' in record ? record.topic : 'key' in record ? record.key : 'name' in record ? (record.name ?? '') : 'scope';
  const action: { type: string; [field: string]: unknown } = { type: `[${app}] ${verb} ${name}` };
  for (const [field, value] of Object.entries(fields)) action[field] = summarise(value);
  return action;
}
