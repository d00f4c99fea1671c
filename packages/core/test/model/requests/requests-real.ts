import { vi } from 'vitest';
import { type Bus, type Cleanup, createBus, ProviderTimeoutError, type RequestOptions } from '../bus-under-test';
import { flushMicrotasks } from '../support/model-clock';
import {
  AbortReason,
  describeParams,
  type Outcome,
  type ParamsVariant,
  type ProviderAnswer,
  type ProviderBehaviour,
  type ProviderEvent,
  ProviderFailure,
  type ProvideSpec,
  paramsOf,
  type RequestKey,
  type RequestSpec,
  type Settlement,
} from './vocabulary';

/** The real bus, with providers and requests that log what happens in the model's terms. */
export class RequestsReal {
  readonly bus: Bus;
  private readonly providerCleanups: Cleanup[] = [];
  private readonly controllers = new Map<number, AbortController>();
  private requestsMade = 0;
  private providerCalls = 0;
  private providerEvents: ProviderEvent[] = [];
  private outcomes: Outcome[] = [];

  constructor(requestTimeoutMs: number) {
    this.bus = createBus({ requestTimeoutMs });
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

  provide(spec: ProvideSpec): void {
    const id = this.providerCleanups.length;
    const handler = (params: unknown, { signal }: { signal: AbortSignal }) =>
      this.answer(id, spec.behaviour, params, signal);
    this.providerCleanups.push(
      this.bus.provide(spec.key, handler, spec.ttlMs === undefined ? undefined : { ttlMs: spec.ttlMs }),
    );
  }

  unprovide(id: number, times: number): void {
    for (let i = 0; i < times; i++) this.providerCleanups[id]?.();
  }

  unprovideAll(): void {
    for (const cleanup of this.providerCleanups) cleanup();
  }

  request(spec: RequestSpec): void {
    const id = this.requestsMade++;
    const options: RequestOptions = { fresh: spec.fresh };
    if (spec.timeoutMs !== undefined) options.timeoutMs = spec.timeoutMs;
    if (spec.ttlMs !== undefined) options.ttlMs = spec.ttlMs;
    if (spec.abortable) {
      const controller = new AbortController();
      this.controllers.set(id, controller);
      options.signal = controller.signal;
    }
    this.bus.request(spec.key, paramsOf(spec.params), options).then(
      (value) => this.settle(id, { value }),
      (error: unknown) => this.settle(id, describeRejection(error, id)),
    );
  }

  invalidate(key: RequestKey, params: ParamsVariant | 'all'): void {
    if (params === 'all') this.bus.invalidate(key);
    else this.bus.invalidate(key, paramsOf(params));
  }

  abort(id: number): void {
    this.controllers.get(id)?.abort(new AbortReason(id));
  }

  /** Lets every promise chain settle (the clock does not move). */
  flush(): Promise<void> {
    return flushMicrotasks();
  }

  /** Fires due timers in order, letting promises settle between them, as a real event loop would. */
  async advanceTime(ms: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(ms);
  }

  private answer(id: number, behaviour: ProviderBehaviour, params: unknown, signal: AbortSignal): unknown {
    const answer: ProviderAnswer = { provider: id, call: ++this.providerCalls };
    this.providerEvents.push({ type: 'call', ...answer, params: describeParams(params), at: Date.now() });
    signal.addEventListener('abort', () =>
      this.providerEvents.push({ type: 'aborted', call: answer.call, at: Date.now() }),
    );
    switch (behaviour.kind) {
      case 'sync-value':
        return answer;
      case 'sync-throw':
        throw new ProviderFailure(answer);
      case 'resolve-after':
        return new Promise((resolve) => setTimeout(() => resolve(answer), behaviour.delayMs));
      case 'reject-after':
        return new Promise((_, reject) => setTimeout(() => reject(new ProviderFailure(answer)), behaviour.delayMs));
    }
  }

  private settle(request: number, settlement: Settlement): void {
    this.outcomes.push({ request, at: Date.now(), settlement });
  }
}

function describeRejection(error: unknown, request: number): Settlement {
  if (error instanceof ProviderFailure) return { error: 'provider', by: error.answer };
  if (error instanceof ProviderTimeoutError && error.code === 'PROVIDER_TIMEOUT') return { error: 'timeout' };
  if (error instanceof AbortReason && error.request === request) return { error: 'aborted' };
  return { error: 'unexpected', description: String(error) };
}
