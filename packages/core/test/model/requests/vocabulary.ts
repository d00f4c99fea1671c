export const REQUEST_KEYS = ['r1', 'r2'] as const;
export type RequestKey = (typeof REQUEST_KEYS)[number];

/**
 * Request params: none, or one of two values, each written in two key orders (one nested in an array),
 * which must land in the same cache entry and the same shared call. `invalidate` takes every variant
 * but `none`, which would mean "every entry of the key".
 */
export type ParamsVariant = 'none' | 'a1b2' | 'b2a1' | 'nested-cd' | 'nested-dc';

export function paramsOf(variant: ParamsVariant): Record<string, unknown> | undefined {
  switch (variant) {
    case 'none':
      return undefined;
    case 'a1b2':
      return { a: 1, b: 2 };
    case 'b2a1':
      return { b: 2, a: 1 };
    case 'nested-cd':
      return { a: [2, { c: 0, d: 1 }] };
    case 'nested-dc':
      return { a: [2, { d: 1, c: 0 }] };
  }
}

/** Which cache entry (and which shared call) params land in: their stable serialisation, in the model. */
export function paramsSlot(key: RequestKey, variant: ParamsVariant): string {
  const value = variant === 'b2a1' ? 'a1b2' : variant === 'nested-dc' ? 'nested-cd' : variant;
  return `${key}/${value}`;
}

/** How a provider logs the params it was called with. */
export function describeParams(params: unknown): string {
  return params === undefined ? 'none' : JSON.stringify(params);
}

/**
 * Provider timings are multiples of 10 ms, like every clock step; request deadlines end in 5 ms. So a
 * provider never answers at the very millisecond a requester times out, a race the spec leaves open.
 */
export type ProviderBehaviour =
  | { kind: 'sync-value' }
  | { kind: 'sync-throw' }
  | { kind: 'resolve-after'; delayMs: number }
  | { kind: 'reject-after'; delayMs: number };

export interface ProvideSpec {
  key: RequestKey;
  behaviour: ProviderBehaviour;
  ttlMs: number | undefined;
}

export interface RequestSpec {
  key: RequestKey;
  params: ParamsVariant;
  timeoutMs: number | undefined;
  fresh: boolean;
  ttlMs: number | undefined;
  /** Made with a signal, which `Abort` can abort. */
  abortable: boolean;
}

/** What a provider call answers (or names in the error it fails with): who answered, and which call. */
export interface ProviderAnswer {
  provider: number;
  call: number;
}

export type ProviderEvent =
  | { type: 'call'; provider: number; call: number; params: string; at: number }
  /** The call's `signal` aborted: every request waiting on it gave up. */
  | { type: 'aborted'; call: number; at: number };

export type Settlement =
  | { value: unknown }
  | { error: 'provider'; by: ProviderAnswer }
  | { error: 'timeout' }
  | { error: 'aborted' }
  | { error: 'unexpected'; description: string };

export interface Outcome {
  request: number;
  at: number;
  settlement: Settlement;
}

/** What a rejecting or throwing provider fails with. */
export class ProviderFailure extends Error {
  constructor(readonly answer: ProviderAnswer) {
    super(`provider ${answer.provider} call ${answer.call} failed`);
    this.name = 'ProviderFailure';
  }
}

/** The reason `Abort` aborts a request's signal with; the request must reject with it. */
export class AbortReason extends Error {
  constructor(readonly request: number) {
    super(`request ${request} aborted`);
    this.name = 'AbortReason';
  }
}
