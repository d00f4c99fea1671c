import type { ProviderContext, Source } from '@mfe-bus/core';

/** One call of a `manualProvider`: what it was asked, and the handles that settle it. */
export interface ManualCall<Params, Result> {
  params: Params;
  signal: AbortSignal;
  requester: Source;
  answer(result: Result): void;
  fail(error: unknown): void;
}

export interface ManualProvider<Params, Result> {
  /** Every call so far, in order. */
  calls: ManualCall<Params, Result>[];
  /** Pass to `provide`: each call waits until the test answers (or fails) it. */
  handler(params: Params, context: ProviderContext): Promise<Result>;
}

/** A provider whose answers the test gives by hand: `bus.provide(key, p.handler)`, then `p.calls[0]!.answer(…)`. */
export function manualProvider<Params, Result>(): ManualProvider<Params, Result> {
  const calls: ManualCall<Params, Result>[] = [];
  return {
    calls,
    handler: (params, { signal, requester }) =>
      new Promise<Result>((answer, fail) => calls.push({ params, signal, requester, answer, fail })),
  };
}
