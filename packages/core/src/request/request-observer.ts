import { createCleanup } from '../internal/cleanup';
import { stableKey } from '../internal/stable-key';
import type { BusApi, Cleanup, RequestOptions } from '../types';

export type RequestStatus = 'pending' | 'success' | 'error';

/** What a UI shows for one request: TanStack-Query-like, the same shape in every binding. */
export type RequestState<Result> = (
  | { status: 'pending'; data: undefined; error: undefined }
  | { status: 'success'; data: Result; error: undefined }
  /** `data` is the last result for the same params, when a refetch failed after a success. */
  | { status: 'error'; data: Result | undefined; error: unknown }
) & {
  /** True while a provider call for the current params is under way (first load or refetch). */
  isFetching: boolean;
};

export type ObserveRequestOptions = Pick<RequestOptions, 'timeoutMs' | 'ttlMs'>;

export interface RequestObserver<Result, Params> {
  /** The current state: the same object until something changes (a stable snapshot for React). */
  getState(): RequestState<Result>;
  /**
   * Calls `listener` on every change. The first listener starts the request; when the last one leaves,
   * the request in flight is aborted (a microtask later, so an immediate re-subscription keeps it).
   */
  subscribe(listener: (state: RequestState<Result>) => void): Cleanup;
  /** Switches to other params (equal params, as the cache compares them, change nothing): aborts and asks again. */
  setParams(params: Params): void;
  /** Asks again past the cache, keeping the data meanwhile; settles when the answer is in. No-op without listeners. */
  refetch(): Promise<void>;
}

// Pending means "a request is starting or under way": it starts as soon as someone subscribes.
const PENDING: RequestState<never> = Object.freeze({
  status: 'pending',
  data: undefined,
  error: undefined,
  isFetching: true,
});

function keyOf(params: unknown): unknown {
  try {
    return stableKey(params);
  } catch {
    return params; // core's request() rejects these params with a clear error; compare them by identity
  }
}

/**
 * Follows one request for a UI: its state, re-requesting when params change, aborting what nobody waits
 * for. Bindings wrap it in their framework's primitive; deduplication, caching and timeouts are `request()`'s.
 */
export function observeRequest<Result, Params>(
  bus: Pick<BusApi, 'request'>,
  key: string,
  initialParams: Params,
  options: ObserveRequestOptions = {},
): RequestObserver<Result, Params> {
  const listeners = new Set<(state: RequestState<Result>) => void>();
  let params = initialParams;
  let paramsKey = keyOf(params);
  let state: RequestState<Result> = PENDING;
  let controller: AbortController | undefined;

  function setState(next: RequestState<Result>): void {
    state = Object.freeze(next);
    for (const listener of listeners) listener(state);
  }

  function fetch(fresh: boolean): Promise<void> {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    if (!state.isFetching) setState({ ...state, isFetching: true });
    const request = bus.request as (key: string, params: unknown, options: RequestOptions) => Promise<Result>;
    return request(key, params, { ...options, fresh, signal: own.signal }).then(
      (data) => {
        if (own.signal.aborted) return;
        controller = undefined;
        setState({ status: 'success', data, error: undefined, isFetching: false });
      },
      (error: unknown) => {
        if (own.signal.aborted) return;
        controller = undefined;
        setState({ status: 'error', data: state.data, error, isFetching: false });
      },
    );
  }

  function unsubscribe(listener: (state: RequestState<Result>) => void): void {
    listeners.delete(listener);
    queueMicrotask(() => {
      if (listeners.size > 0 || !controller) return;
      controller.abort();
      controller = undefined;
      setState({ ...state, isFetching: false });
    });
  }

  return {
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && !controller) void fetch(false);
      return createCleanup(unsubscribe, listener);
    },

    setParams(next) {
      const nextKey = keyOf(next);
      if (nextKey === paramsKey) return;
      params = next;
      paramsKey = nextKey;
      // The data belongs to the old params: never show it as the answer for the new ones.
      setState(PENDING);
      if (listeners.size > 0) {
        void fetch(false);
      } else {
        controller?.abort();
        controller = undefined;
      }
    },

    refetch: () => (listeners.size > 0 ? fetch(true) : Promise.resolve()),
  };
}
