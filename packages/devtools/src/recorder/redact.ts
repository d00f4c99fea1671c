import type { TimelineEntry } from './entries';

const SECRET = /token|password|secret|authorization/i;
const MASK = '[redacted]';
/** The entry fields that carry application data. */
const DATA_FIELDS = ['payload', 'previous', 'next', 'params', 'detail'] as const;

/** Whether a key is named like a secret, remembered per key name (payloads repeat their keys). */
const secretKeys = new Map<string, boolean>();
function isSecret(key: string): boolean {
  let secret = secretKeys.get(key);
  if (secret === undefined) {
    secret = SECRET.test(key);
    if (secretKeys.size < 10_000) secretKeys.set(key, secret);
  }
  return secret;
}

/**
 * `value` with the value of every key named like a secret masked: the same value when there is none, else a
 * copy of just the objects on the way to one (values come from the bus's records, which are not ours to change).
 */
function maskSecretKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const masked = maskSecretKeys(value[index]);
      if (masked === value[index]) continue;
      copy ??= [...value];
      copy[index] = masked;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    const masked = isSecret(key) ? MASK : maskSecretKeys(child);
    if (masked === child) continue;
    copy ??= { ...value };
    copy[key] = masked;
  }
  return copy ?? value;
}

const nameOf = (entry: TimelineEntry) =>
  'topic' in entry ? entry.topic : 'key' in entry ? entry.key : 'name' in entry ? (entry.name ?? '') : '';

/**
 * The recorder's default `redact`: masks the value of every key named like `token`, `password`, `secret` or
 * `authorization` in payloads, state values, params and report details, and the whole value when the topic
 * or key itself is named like one (`auth:token-refreshed`, `apiToken`). Changes and returns `entry`, which the
 * recorder has just made.
 */
export function redactSecrets(entry: TimelineEntry): TimelineEntry {
  const whole = SECRET.test(nameOf(entry));
  const fields = entry as unknown as Record<string, unknown>;
  for (const field of DATA_FIELDS) {
    if (fields[field] !== undefined) fields[field] = whole ? MASK : maskSecretKeys(fields[field]);
  }
  return entry;
}
