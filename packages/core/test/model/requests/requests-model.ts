import { START_TIME } from '../support/model-clock';
import {
  describeParams,
  type Outcome,
  type ParamsVariant,
  type ProviderAnswer,
  type ProviderEvent,
  type ProvideSpec,
  paramsOf,
  paramsSlot,
  type RequestKey,
  type RequestSpec,
  type Settlement,
} from './vocabulary';

interface ModelProvider {
  id: number;
  spec: ProvideSpec;
  registered: boolean;
}

interface ModelRequester {
  id: number;
  deadline: number;
  abortable: boolean;
  pending: boolean;
  call: ModelCall;
}

/** The provider's outcome on its way: after a microtask (a plain return) or from a timer. */
interface Arrival {
  at: number;
  ok: boolean;
  via: 'microtask' | 'timer';
}

interface StartedCall {
  provider: ModelProvider;
  answer: ProviderAnswer;
  arrival: Arrival | undefined;
}

/** One provider call, or one wait for a provider, shared by identical requests. */
interface ModelCall {
  key: RequestKey;
  slot: string;
  /** The params of the request that made the call: the provider gets those. */
  params: string;
  /** The `ttlMs` of the request that made the call. */
  ttlMs: number | undefined;
  requesters: ModelRequester[];
  started: StartedCall | undefined;
}

/** The spec of request/response, as plainly as it can be written: provider calls and request outcomes. */
export class RequestsModel {
  now = START_TIME;
  private readonly providers: ModelProvider[] = [];
  private readonly requesters = new Map<number, ModelRequester>();
  private readonly cache = new Map<string, { answer: ProviderAnswer; expiresAt: number }>();
  /** The call a new identical request joins, by params slot. */
  private readonly current = new Map<string, ModelCall>();
  /**
   * Calls still to settle. Waiting ones stay in the order they were made (a new provider serves them in
   * that order); a call moves to the end when it starts, so same-time answers come in start order, as
   * their timers do. A call every requester gave up on is dropped: its outcome, when it comes, changes nothing.
   */
  private readonly calls: ModelCall[] = [];
  private requestsMade = 0;
  private providerCalls = 0;
  private providerEvents: ProviderEvent[] = [];
  private outcomes: Outcome[] = [];

  constructor(private readonly defaultTimeoutMs: number) {}

  get providersMade(): number {
    return this.providers.length;
  }

  get requestCount(): number {
    return this.requestsMade;
  }

  get registeredProviders(): number {
    return this.providers.filter((provider) => provider.registered).length;
  }

  get pendingRequesters(): number {
    return [...this.requesters.values()].filter((requester) => requester.pending).length;
  }

  takeProviderEvents(): ProviderEvent[] {
    const taken = this.providerEvents;
    this.providerEvents = [];
    return taken;
  }

  takeOutcomes(): Outcome[] {
    const taken = this.outcomes;
    this.outcomes = [];
    return taken;
  }

  request(spec: RequestSpec): void {
    const id = this.requestsMade++;
    const slot = paramsSlot(spec.key, spec.params);
    const cached = this.cache.get(slot);
    if (!spec.fresh && cached && cached.expiresAt > this.now) {
      this.outcomes.push({ request: id, at: this.now, settlement: { value: cached.answer } });
      return;
    }
    const existing = this.current.get(slot);
    // A fresh request joins a call still waiting for a provider, never one in flight.
    const joined = existing && (!spec.fresh || !existing.started) ? existing : undefined;
    const call = joined ?? this.newCall(spec.key, spec.params, spec.ttlMs);
    const deadline = this.now + (spec.timeoutMs ?? this.defaultTimeoutMs);
    const requester: ModelRequester = { id, deadline, abortable: spec.abortable, pending: true, call };
    this.requesters.set(id, requester);
    call.requesters.push(requester);
    const provider = this.activeProvider(spec.key);
    if (!joined && provider) this.start(call, provider);
  }

  provide(spec: ProvideSpec): void {
    const provider: ModelProvider = { id: this.providers.length, spec, registered: true };
    this.providers.push(provider);
    this.dropCache(spec.key);
    const waiting = this.calls.filter((call) => call.key === spec.key && !call.started);
    for (const call of waiting) this.start(call, provider);
  }

  unprovide(id: number): void {
    const provider = this.providers[id];
    if (!provider?.registered) return;
    const wasActive = this.activeProvider(provider.spec.key) === provider;
    provider.registered = false;
    if (wasActive) this.dropCache(provider.spec.key);
  }

  unprovideAll(): void {
    for (const provider of this.providers) this.unprovide(provider.id);
  }

  invalidate(key: RequestKey, params: ParamsVariant | 'all'): void {
    if (params === 'all') this.dropCache(key);
    else this.cache.delete(paramsSlot(key, params));
  }

  abort(id: number): void {
    const requester = this.requesters.get(id);
    if (requester?.pending && requester.abortable) this.leave(requester, { error: 'aborted' });
  }

  /** What settles once the command's synchronous work is over: providers that returned a plain value. */
  settleMicrotasks(): void {
    for (const call of this.arriving('microtask')) this.arrive(call);
  }

  /**
   * Timers fire in time order (providers' in the order they were set); providers answer on multiples of
   * 10 ms, deadlines end in 5 ms, so the two never fire together.
   */
  advance(ms: number): void {
    const target = this.now + ms;
    for (let at = this.nextTimer(); at <= target; at = this.nextTimer()) {
      this.now = at;
      for (const call of this.arriving('timer')) if (call.started?.arrival?.at === at) this.arrive(call);
      for (const requester of this.requesters.values()) {
        if (requester.pending && requester.deadline === at) this.leave(requester, { error: 'timeout' });
      }
    }
    this.now = target;
  }

  private activeProvider(key: RequestKey): ModelProvider | undefined {
    return this.providers.filter((provider) => provider.registered && provider.spec.key === key).at(-1);
  }

  private newCall(key: RequestKey, params: ParamsVariant, ttlMs: number | undefined): ModelCall {
    const slot = paramsSlot(key, params);
    const call: ModelCall = {
      key,
      slot,
      params: describeParams(paramsOf(params)),
      ttlMs,
      requesters: [],
      started: undefined,
    };
    this.current.set(slot, call);
    this.calls.push(call);
    return call;
  }

  private start(call: ModelCall, provider: ModelProvider): void {
    const answer: ProviderAnswer = { provider: provider.id, call: ++this.providerCalls };
    this.providerEvents.push({ type: 'call', ...answer, params: call.params, at: this.now });
    const { behaviour } = provider.spec;
    const started: StartedCall = { provider, answer, arrival: undefined };
    call.started = started;
    this.calls.splice(this.calls.indexOf(call), 1);
    this.calls.push(call);
    if (behaviour.kind === 'sync-throw') {
      started.arrival = { at: this.now, ok: false, via: 'microtask' };
      this.arrive(call);
    } else if (behaviour.kind === 'sync-value') {
      started.arrival = { at: this.now, ok: true, via: 'microtask' };
    } else {
      const ok = behaviour.kind === 'resolve-after';
      started.arrival = { at: this.now + behaviour.delayMs, ok, via: 'timer' };
    }
  }

  private arriving(via: Arrival['via']): ModelCall[] {
    return this.calls.filter((call) => call.started?.arrival?.via === via);
  }

  private nextTimer(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const call of this.arriving('timer')) next = Math.min(next, call.started?.arrival?.at ?? next);
    for (const requester of this.requesters.values()) if (requester.pending) next = Math.min(next, requester.deadline);
    return next;
  }

  /** The provider's outcome arrives: cached if still wanted, handed to every requester still waiting. */
  private arrive(call: ModelCall): void {
    const { started } = call;
    if (!started?.arrival) return;
    const { ok } = started.arrival;
    started.arrival = undefined;
    this.forget(call);
    const { provider, answer } = started;
    const ttlMs = call.ttlMs ?? provider.spec.ttlMs ?? 0;
    // Not cached when another provider took over (or this one left) while the call ran.
    if (ok && ttlMs > 0 && this.activeProvider(call.key) === provider) {
      this.cache.set(call.slot, { answer, expiresAt: this.now + ttlMs });
    }
    for (const requester of call.requesters) {
      requester.pending = false;
      const settlement: Settlement = ok ? { value: answer } : { error: 'provider', by: answer };
      this.outcomes.push({ request: requester.id, at: this.now, settlement });
    }
    call.requesters = [];
  }

  /** A requester gives up; when it was the last one, the call is abandoned (its provider's signal aborts). */
  private leave(requester: ModelRequester, settlement: Settlement): void {
    requester.pending = false;
    this.outcomes.push({ request: requester.id, at: this.now, settlement });
    const { call } = requester;
    call.requesters = call.requesters.filter((other) => other !== requester);
    if (call.requesters.length > 0) return;
    this.forget(call);
    if (call.started) this.providerEvents.push({ type: 'aborted', call: call.started.answer.call, at: this.now });
  }

  private forget(call: ModelCall): void {
    if (this.current.get(call.slot) === call) this.current.delete(call.slot);
    const index = this.calls.indexOf(call);
    if (index !== -1) this.calls.splice(index, 1);
  }

  private dropCache(key: RequestKey): void {
    for (const slot of this.cache.keys()) if (slot.startsWith(`${key}/`)) this.cache.delete(slot);
  }
}
