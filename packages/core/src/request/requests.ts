import { BusDestroyedError, ProviderTimeoutError } from '../errors';
import { createCleanup, onAbort } from '../internal/cleanup';
import type { BusContext } from '../internal/context';
import { deepFreeze } from '../internal/deep-freeze';
import { getOrCreate } from '../internal/get-or-create';
import { stableKey } from '../internal/stable-key';
import { assertDuration, assertFunction, assertName, assertSignal } from '../internal/validate';
import type { BusSnapshot, Cleanup, ProvideOptions, ProviderHandler, RequestOptions } from '../types';
import { createResultCache } from './result-cache';

/** Longer timeouts (and Infinity) mean "wait forever": timers overflow past 2^31 - 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const NEVER = Number.POSITIVE_INFINITY;

type AnyProvider = ProviderHandler<unknown, unknown>;

interface Provider {
  handler: AnyProvider;
  ttlMs: number;
}

interface Requester {
  resolve(value: unknown): void;
  reject(reason: unknown): void;
  timeoutMs: number;
  /** `Date.now()` at which it times out; Infinity: never. */
  deadline: number;
  detachSignal(): void;
}

/** One provider call (or one wait for a provider), shared by every identical concurrent request. */
interface Call {
  key: string;
  params: unknown;
  paramsKey: string;
  /** A request's own `ttlMs`, which overrides the provider's for the result of this call. */
  ttlMs: number | undefined;
  requesters: Set<Requester>;
  provider?: Provider;
  controller?: AbortController;
  /** One timer per call, for the earliest deadline among its requesters (not one timer per requester). */
  timer?: ReturnType<typeof setTimeout>;
  timerAt: number;
}

export function createRequests(context: BusContext) {
  const { options, logger } = context;
  const providers = new Map<string, Provider[]>();
  const calls = new Map<string, Map<string, Call>>();
  const cache = createResultCache();

  const activeProvider = (key: string) => providers.get(key)?.at(-1);

  function forgetCall(call: Call): void {
    const forKey = calls.get(call.key);
    if (forKey?.get(call.paramsKey) !== call) return;
    forKey.delete(call.paramsKey);
    if (forKey.size === 0) calls.delete(call.key);
  }

  function armTimer(call: Call, at: number): void {
    clearTimeout(call.timer);
    call.timerAt = at;
    call.timer = setTimeout(() => expire(call), at - Date.now());
  }

  /** Times out the requesters whose deadline has passed and re-arms the timer for the next one. */
  function expire(call: Call): void {
    call.timerAt = NEVER;
    const now = Date.now();
    let next = NEVER;
    for (const requester of [...call.requesters]) {
      const { deadline, timeoutMs } = requester;
      if (deadline > now) {
        next = Math.min(next, deadline);
        continue;
      }
      if (logger.enabled) logger.log('request', 'timed out', { key: call.key, params: call.params, timeoutMs });
      leave(call, requester, new ProviderTimeoutError(call.key, timeoutMs));
    }
    if (next < NEVER) armTimer(call, next);
  }

  function settle(call: Call, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    forgetCall(call);
    clearTimeout(call.timer);
    if (call.controller?.signal.aborted) return;
    if (outcome.ok) {
      const ttlMs = call.ttlMs ?? call.provider?.ttlMs ?? 0;
      // A result from a provider that has since been replaced or removed is not cached.
      if (ttlMs > 0 && call.provider === activeProvider(call.key)) {
        cache.set(call.key, call.paramsKey, call.params, outcome.value, ttlMs);
      }
    }
    if (logger.enabled)
      logger.log('request', outcome.ok ? 'answered' : 'failed', { key: call.key, params: call.params });
    for (const requester of call.requesters) {
      requester.detachSignal();
      if (outcome.ok) requester.resolve(outcome.value);
      else requester.reject(outcome.error);
    }
    call.requesters.clear();
  }

  function start(call: Call, provider: Provider): void {
    call.provider = provider;
    const controller = new AbortController();
    call.controller = controller;
    if (logger.enabled) logger.log('request', 'served', { key: call.key, params: call.params });
    let result: unknown;
    try {
      result = provider.handler(call.params, { signal: controller.signal });
    } catch (error) {
      settle(call, { ok: false, error });
      return;
    }
    Promise.resolve(result).then(
      (value) => settle(call, { ok: true, value: deepFreeze(value) }),
      (error: unknown) => settle(call, { ok: false, error }),
    );
  }

  /** A requester gives up (timeout, abort, destroy); the call is abandoned when nobody waits any more. */
  function leave(call: Call, requester: Requester, reason: unknown): void {
    if (!call.requesters.delete(requester)) return;
    requester.detachSignal();
    requester.reject(reason);
    if (call.requesters.size > 0) return;
    forgetCall(call);
    clearTimeout(call.timer);
    call.controller?.abort(reason);
  }

  function join(call: Call, requestOptions: RequestOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timeoutMs = requestOptions.timeoutMs ?? options.requestTimeoutMs;
      const deadline = timeoutMs >= MAX_TIMER_MS ? NEVER : Date.now() + timeoutMs;
      const { signal } = requestOptions;
      const requester: Requester = {
        resolve,
        reject,
        timeoutMs,
        deadline,
        detachSignal: onAbort(signal, () => leave(call, requester, signal?.reason)),
      };
      call.requesters.add(requester);
      if (deadline < call.timerAt) armTimer(call, deadline);
    });
  }

  function request(key: string, params?: unknown, requestOptions: RequestOptions = {}): Promise<unknown> {
    try {
      context.assertAlive('request');
      assertName(key, 'request key');
      assertDuration(requestOptions.timeoutMs, 'timeoutMs');
      assertDuration(requestOptions.ttlMs, 'ttlMs');
      assertSignal(requestOptions.signal);
      if (requestOptions.signal?.aborted) return Promise.reject(requestOptions.signal.reason);
      const paramsKey = stableKey(params);

      if (!requestOptions.fresh) {
        const hit = cache.get(key, paramsKey);
        if (hit) {
          if (logger.enabled) logger.log('request', 'cache hit', { key, params });
          return Promise.resolve(hit.value);
        }
        const inFlight = calls.get(key)?.get(paramsKey);
        if (inFlight) return join(inFlight, requestOptions);
      }

      const call: Call = {
        key,
        params,
        paramsKey,
        ttlMs: requestOptions.ttlMs,
        requesters: new Set(),
        timerAt: NEVER,
      };
      getOrCreate(calls, key, () => new Map<string, Call>()).set(paramsKey, call);
      const promise = join(call, requestOptions);
      const provider = activeProvider(key);
      if (provider) start(call, provider);
      else if (logger.enabled) logger.log('request', 'queued until a provider registers', { key, params });
      return promise;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function provide(key: string, handler: AnyProvider, provideOptions: ProvideOptions = {}): Cleanup {
    context.assertAlive('provide');
    assertName(key, 'request key');
    assertFunction(handler, 'provider');
    assertDuration(provideOptions.ttlMs, 'ttlMs');

    const provider: Provider = { handler, ttlMs: provideOptions.ttlMs ?? 0 };
    const stack = getOrCreate(providers, key, (): Provider[] => []);
    if (stack.length > 0)
      logger.warn(`a second provider for "${key}" takes over; the previous one is kept as a fallback`);
    stack.push(provider);
    cache.drop(key);
    if (logger.enabled) logger.log('provider', 'registered', { key });
    for (const call of calls.get(key)?.values() ?? []) if (!call.provider) start(call, provider);

    return createCleanup(() => {
      const current = providers.get(key);
      const index = current?.indexOf(provider) ?? -1;
      if (!current || index === -1) return;
      const wasActive = index === current.length - 1;
      current.splice(index, 1);
      if (current.length === 0) providers.delete(key);
      if (wasActive) cache.drop(key);
      if (logger.enabled) logger.log('provider', 'removed', { key });
    });
  }

  return {
    request,
    provide,

    invalidate(key: string, params?: unknown): void {
      assertName(key, 'request key');
      cache.drop(key, params === undefined ? undefined : stableKey(params));
    },

    inspect(): Pick<BusSnapshot, 'providers' | 'pending' | 'cache'> {
      return {
        providers: [...providers].map(([key, stack]) => ({
          key,
          registered: stack.length,
          ttlMs: (stack.at(-1) as Provider).ttlMs,
        })),
        pending: [...calls.values()].flatMap((forKey) =>
          [...forKey.values()].map((call) => ({
            key: call.key,
            params: call.params,
            requesters: call.requesters.size,
            waitingForProvider: !call.provider,
          })),
        ),
        cache: cache.entries(),
      };
    },

    clear(): void {
      const destroyed = new BusDestroyedError('answer a request');
      for (const forKey of [...calls.values()]) {
        for (const call of [...forKey.values()])
          for (const requester of [...call.requesters]) leave(call, requester, destroyed);
      }
      providers.clear();
      calls.clear();
      cache.drop();
    },
  };
}

export type Requests = ReturnType<typeof createRequests>;
