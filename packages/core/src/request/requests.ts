import { BusDestroyedError, ProviderTimeoutError, ScopeDisposedError } from '../errors';
import { createCleanup, type Owned, onAbort } from '../internal/cleanup';
import type { BusContext } from '../internal/context';
import { deepFreeze } from '../internal/deep-freeze';
import { errorInfo } from '../internal/error-info';
import { getOrCreate } from '../internal/get-or-create';
import { toJsonable } from '../internal/jsonable';
import { stableKey } from '../internal/stable-key';
import { assertDuration, assertFunction, assertName, assertSignal } from '../internal/validate';
import type { RequestRecord } from '../records';
import type { BusSnapshot, Cleanup, ProvideOptions, ProviderHandler, RequestOptions, Source } from '../types';
import { createResultCache } from './result-cache';

/** Longer timeouts (and Infinity) mean "wait forever": timers overflow past 2^31 - 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const NEVER = Number.POSITIVE_INFINITY;
const NO_OPTIONS: RequestOptions = Object.freeze({});

type AnyProvider = ProviderHandler<unknown, unknown>;

interface Provider {
  key: string;
  handler: AnyProvider;
  ttlMs: number;
  source: Source;
}

interface Requester {
  resolve(value: unknown): void;
  reject(reason: unknown): void;
  timeoutMs: number;
  /** `Date.now()` at which it times out; Infinity: never. */
  deadline: number;
  source: Source;
  /** Stops listening to the request's signal and to its scope's dispose. */
  detach(): void;
}

/** One provider call (or one wait for a provider), shared by every identical concurrent request. */
interface Call {
  /** Bus-wide call number: names the call in records, and a later call's result wins the cache. */
  id: number;
  key: string;
  params: unknown;
  paramsKey: string;
  /** A request's own `ttlMs`, which overrides the provider's for the result of this call. */
  ttlMs: number | undefined;
  /** The app whose request created the call. */
  source: Source;
  requesters: Set<Requester>;
  provider?: Provider;
  controller?: AbortController;
  /** One timer per call, for the earliest deadline among its requesters (not one timer per requester). */
  timer?: ReturnType<typeof setTimeout>;
  timerAt: number;
  createdAt: number;
  done: boolean;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createRequests(context: BusContext) {
  const { options, observers, plugins } = context;
  const providers = new Map<string, Provider[]>();
  // Every call not yet settled or abandoned; `joinable` indexes the one identical requests join.
  const live = new Set<Call>();
  const joinable = new Map<string, Map<string, Call>>();
  const cache = createResultCache();
  let callId = 0;

  const activeProvider = (key: string) => providers.get(key)?.at(-1);

  function record(type: RequestRecord['type'], call: Call, requester: Source, error?: unknown): void {
    const entry: RequestRecord = {
      type,
      timestamp: Date.now(),
      call: call.id,
      key: call.key,
      paramsKey: call.paramsKey,
      params: toJsonable(call.params),
      requester,
      provider: call.provider?.source ?? null,
      durationMs: Date.now() - call.createdAt,
    };
    if (error !== undefined) entry.error = errorInfo(error);
    observers.emit(entry);
  }

  /** The call is over (settled or abandoned): nothing may join it, and nothing times it out. */
  function retire(call: Call): void {
    call.done = true;
    live.delete(call);
    clearTimeout(call.timer);
    const forKey = joinable.get(call.key);
    if (forKey?.get(call.paramsKey) !== call) return;
    forKey.delete(call.paramsKey);
    if (forKey.size === 0) joinable.delete(call.key);
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
      if (requester.deadline > now) {
        next = Math.min(next, requester.deadline);
        continue;
      }
      leave(call, requester, new ProviderTimeoutError(call.key, requester.timeoutMs), 'request:timed-out');
    }
    if (next < NEVER && !call.done) armTimer(call, next);
  }

  function settle(call: Call, outcome: Outcome): void {
    if (call.done) return;
    retire(call);
    if (outcome.ok) {
      const ttlMs = call.ttlMs ?? call.provider?.ttlMs ?? 0;
      // A result from a provider that has since been replaced or removed is not cached.
      if (ttlMs > 0 && call.provider === activeProvider(call.key)) {
        cache.set(call.key, call.paramsKey, call.params, outcome.value, ttlMs, call.id);
      }
    }
    if (observers.active) {
      record(
        outcome.ok ? 'request:settled' : 'request:failed',
        call,
        call.source,
        outcome.ok ? undefined : outcome.error,
      );
    }
    for (const requester of call.requesters) {
      requester.detach();
      if (outcome.ok) requester.resolve(outcome.value);
      else requester.reject(outcome.error);
    }
    call.requesters.clear();
  }

  /** Runs the result hooks, then freezes: a result that cannot be frozen fails the call, never hangs it. */
  function answer(call: Call, value: unknown): void {
    if (call.done) return;
    let result = value;
    try {
      if (plugins.list.length !== 0) {
        const meta = { source: call.source, provider: call.provider?.source ?? null };
        result = plugins.pipeAsync('result', call.key, call.source, value, (plugin, current) =>
          plugin.result?.(call.key, call.params, current, meta),
        );
        if (result instanceof Promise) {
          result.then(
            (checked) => finish(call, checked),
            (error: unknown) => settle(call, { ok: false, error }),
          );
          return;
        }
      }
    } catch (error) {
      settle(call, { ok: false, error });
      return;
    }
    finish(call, result);
  }

  function finish(call: Call, value: unknown): void {
    try {
      deepFreeze(value);
    } catch (error) {
      settle(call, { ok: false, error });
      return;
    }
    settle(call, { ok: true, value });
  }

  function start(call: Call, provider: Provider): void {
    call.provider = provider;
    const controller = new AbortController();
    call.controller = controller;
    if (observers.active) record('request:started', call, call.source);
    let result: unknown;
    try {
      result = provider.handler(call.params, { signal: controller.signal, requester: call.source });
    } catch (error) {
      settle(call, { ok: false, error });
      return;
    }
    Promise.resolve(result).then(
      (value) => answer(call, value),
      (error: unknown) => settle(call, { ok: false, error }),
    );
  }

  /** A requester gives up (timeout, abort, dispose, destroy); the call is abandoned when nobody waits any more. */
  function leave(call: Call, requester: Requester, reason: unknown, type: RequestRecord['type']): void {
    if (!call.requesters.delete(requester)) return;
    requester.detach();
    requester.reject(reason);
    if (observers.active) record(type, call, requester.source, reason);
    if (call.requesters.size > 0) return;
    retire(call);
    call.controller?.abort(reason);
  }

  function join(
    call: Call,
    requestOptions: RequestOptions,
    source: Source,
    owned: Owned | undefined,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timeoutMs = requestOptions.timeoutMs ?? options.requestTimeoutMs;
      const deadline = timeoutMs >= MAX_TIMER_MS ? NEVER : Date.now() + timeoutMs;
      const { signal } = requestOptions;
      const detachSignal = onAbort(signal, () => leave(call, requester, signal?.reason, 'request:aborted'));
      const disposed = () => leave(call, requester, new ScopeDisposedError(source ?? ''), 'request:aborted');
      owned?.add(disposed);
      const requester: Requester = {
        resolve,
        reject,
        timeoutMs,
        deadline,
        source,
        detach() {
          detachSignal();
          owned?.delete(disposed);
        },
      };
      call.requesters.add(requester);
      if (deadline < call.timerAt) armTimer(call, deadline);
    });
  }

  function send(
    key: string,
    params: unknown,
    requestOptions: RequestOptions,
    source: Source,
    owned: Owned | undefined,
  ): Promise<unknown> {
    context.assertAlive('request');
    if (requestOptions.signal?.aborted) return Promise.reject(requestOptions.signal.reason);
    let paramsKey: string | undefined;
    if (!requestOptions.fresh) {
      // Params of one flat property are found without writing their key; anything else (and a miss) by the key.
      let hit = cache.find(key, params);
      if (!hit) {
        paramsKey = stableKey(params);
        hit = cache.get(key, paramsKey);
      }
      if (hit) {
        if (observers.active) {
          observers.emit({
            type: 'request:cache-hit',
            timestamp: Date.now(),
            call: 0,
            key,
            paramsKey: hit.paramsKey,
            params: toJsonable(params),
            requester: source,
            provider: activeProvider(key)?.source ?? null,
            durationMs: 0,
          });
        }
        hit.promise ??= Promise.resolve(hit.value);
        return hit.promise;
      }
    }
    paramsKey ??= stableKey(params);
    // A fresh request joins a call still waiting for a provider: its answer will be fresh anyway.
    const existing = joinable.get(key)?.get(paramsKey);
    if (existing && (!requestOptions.fresh || !existing.provider)) {
      if (observers.active) record('request:joined', existing, source);
      return join(existing, requestOptions, source, owned);
    }

    const call: Call = {
      id: ++callId,
      key,
      params,
      paramsKey,
      ttlMs: requestOptions.ttlMs,
      source,
      requesters: new Set(),
      timerAt: NEVER,
      createdAt: Date.now(),
      done: false,
    };
    live.add(call);
    // A fresh call in flight beside an older one: later identical requests join the newer.
    getOrCreate(joinable, key, () => new Map<string, Call>()).set(paramsKey, call);
    const promise = join(call, requestOptions, source, owned);
    const provider = activeProvider(key);
    if (provider) start(call, provider);
    else if (observers.active) record('request:queued', call, source);
    return promise;
  }

  function request(
    key: string,
    params: unknown,
    requestOptions: RequestOptions | undefined,
    source: Source,
    owned?: Owned,
  ): Promise<unknown> {
    try {
      context.assertAlive('request');
      assertName(key, 'request key');
      const resolved = requestOptions ?? NO_OPTIONS;
      if (requestOptions) {
        assertDuration(resolved.timeoutMs, 'timeoutMs');
        assertDuration(resolved.ttlMs, 'ttlMs');
        assertSignal(resolved.signal);
      }
      if (plugins.list.length === 0) return send(key, params, resolved, source, owned);
      const checked = plugins.pipeAsync('request', key, source, params, (plugin, value) =>
        plugin.request?.(key, value, { source }),
      );
      if (checked instanceof Promise) return checked.then((value) => send(key, value, resolved, source, owned));
      return send(key, checked, resolved, source, owned);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function provide(
    key: string,
    handler: AnyProvider,
    provideOptions: ProvideOptions | undefined,
    source: Source,
    owned?: Owned,
  ): Cleanup {
    context.assertAlive('provide');
    assertName(key, 'request key');
    assertFunction(handler, 'provider');
    assertDuration(provideOptions?.ttlMs, 'ttlMs');
    if (plugins.list.length !== 0) {
      plugins.pipe('provide', key, source, undefined, (plugin) => plugin.provide?.(key, { source }));
    }

    const provider: Provider = { key, handler, ttlMs: provideOptions?.ttlMs ?? 0, source };
    const stack = getOrCreate(providers, key, (): Provider[] => []);
    stack.push(provider);
    cache.drop(key);
    if (observers.active) {
      observers.emit({
        type: 'provide',
        timestamp: Date.now(),
        key,
        source,
        ttlMs: provider.ttlMs,
        registered: stack.length,
      });
    }
    for (const call of [...live]) if (call.key === key && !call.provider && !call.done) start(call, provider);

    return createCleanup(unprovide, provider, undefined, owned);
  }

  function unprovide(provider: Provider): void {
    const { key } = provider;
    const current = providers.get(key);
    const index = current?.indexOf(provider) ?? -1;
    if (!current || index === -1) return;
    const wasActive = index === current.length - 1;
    current.splice(index, 1);
    if (current.length === 0) providers.delete(key);
    if (wasActive) cache.drop(key);
    if (observers.active) {
      observers.emit({
        type: 'unprovide',
        timestamp: Date.now(),
        key,
        source: provider.source,
        ttlMs: provider.ttlMs,
        registered: current.length,
      });
    }
  }

  return {
    request,
    provide,

    invalidate(key: string, params?: unknown): void {
      context.assertAlive('invalidate');
      assertName(key, 'request key');
      cache.drop(key, params === undefined ? undefined : stableKey(params));
    },

    countApps(providerApp: (app: Source) => void, pendingApp: (app: Source) => void): void {
      for (const stack of providers.values()) for (const provider of stack) providerApp(provider.source);
      for (const call of live) for (const requester of call.requesters) pendingApp(requester.source);
    },

    inspect(): Pick<BusSnapshot, 'providers' | 'pending' | 'cache'> {
      return {
        providers: [...providers].map(([key, stack]) => {
          const active = stack.at(-1) as Provider;
          return { key, registered: stack.length, ttlMs: active.ttlMs, app: active.source };
        }),
        pending: [...live].map((call) => ({
          key: call.key,
          params: toJsonable(call.params),
          requesters: call.requesters.size,
          waitingForProvider: !call.provider,
          apps: [...call.requesters].map((requester) => requester.source),
        })),
        cache: cache.entries(),
      };
    },

    clear(): void {
      const destroyed = new BusDestroyedError('answer a request');
      for (const call of [...live]) {
        for (const requester of [...call.requesters]) leave(call, requester, destroyed, 'request:aborted');
      }
      providers.clear();
      joinable.clear();
      cache.clear();
    },
  };
}

export type Requests = ReturnType<typeof createRequests>;
