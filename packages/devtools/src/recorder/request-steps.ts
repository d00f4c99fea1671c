import type { RequestRecord, Source } from '@mfe-bus/core';
import type { RequestEntry, RequestStatus, RequestStepName } from './entries';

/** A request entry for the first step seen of a call (or for a cache hit, which makes no call). */
export function requestEntry(id: number, record: RequestRecord): RequestEntry {
  const { call, key, paramsKey, params, requester, provider, timestamp, durationMs } = record;
  const entry: RequestEntry = {
    type: 'request',
    id,
    timestamp: timestamp - durationMs,
    call,
    key,
    paramsKey,
    params,
    source: requester,
    provider,
    status: 'waiting',
    durationMs,
    steps: [],
  };
  addRequestStep(entry, record);
  return entry;
}

/** Adds the step `record` describes and updates the entry's status, provider and duration. */
export function addRequestStep(
  entry: RequestEntry,
  { type, timestamp, requester, durationMs, provider, error }: RequestRecord,
) {
  const step = type.slice(8) as RequestStepName; // after 'request:'
  entry.steps.push(
    error ? { step, timestamp, app: requester, durationMs, error } : { step, timestamp, app: requester, durationMs },
  );
  entry.provider = provider;
  entry.durationMs = durationMs;
  const count = (...names: RequestStepName[]) => entry.steps.filter((s) => names.includes(s.step)).length;
  if (step === 'queued') entry.status = 'waiting';
  else if (step === 'started') entry.status = 'running';
  // A requester that gives up ends the call only when it was the last one waiting.
  else if (step === 'timed-out' || step === 'aborted') {
    if (count('timed-out', 'aborted') > count('joined')) entry.status = step;
  } else if (step !== 'joined') entry.status = step as RequestStatus;
}

/** Notes that a provider registered while the call waited for one. */
export function addProvidedStep(entry: RequestEntry, timestamp: number, provider: Source): void {
  entry.steps.push({ step: 'provided', timestamp, app: provider, durationMs: timestamp - entry.timestamp });
}
