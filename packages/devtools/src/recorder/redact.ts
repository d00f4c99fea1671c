import type { TimelineEntry } from './entries';

const SECRET = /token|password|secret|authorization/i;
const MASK = '[redacted]';
/** The entry fields that carry application data. */
const DATA_FIELDS = ['payload', 'previous', 'next', 'params', 'detail'] as const;

/** A copy of a JSON-able `value` with the value of every key named like a secret masked. */
function maskSecretKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecretKeys);
  if (value === null || typeof value !== 'object') return value;
  const masked: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) masked[key] = SECRET.test(key) ? MASK : maskSecretKeys(child);
  return masked;
}

const nameOf = (entry: TimelineEntry) =>
  'topic' in entry ? entry.topic : 'key' in entry ? entry.key : 'name' in entry ? (entry.name ?? '') : '';

/**
 * The recorder's default `redact`: masks the value of every key named like `token`, `password`, `secret` or
 * `authorization` in payloads, state values, params and report details, and the whole value when the topic
 * or key itself is named like one (`auth:token-refreshed`, `apiToken`).
 */
export function redactSecrets(entry: TimelineEntry): TimelineEntry {
  const whole = SECRET.test(nameOf(entry));
  const copy: Record<string, unknown> = { ...entry };
  for (const field of DATA_FIELDS) {
    if (copy[field] !== undefined) copy[field] = whole ? MASK : maskSecretKeys(copy[field]);
  }
  return copy as unknown as TimelineEntry;
}
