import fc from 'fast-check';
import { expectRequestsAgreement } from './requests-agreement';
import type { RequestsModel } from './requests-model';
import type { RequestsReal } from './requests-real';
import {
  type ParamsVariant,
  type ProviderBehaviour,
  type ProvideSpec,
  REQUEST_KEYS,
  type RequestKey,
  type RequestSpec,
} from './vocabulary';

type RequestsCommand = fc.AsyncCommand<RequestsModel, RequestsReal>;

/** A command that applies the same change to both sides, lets promises settle, then checks they agree. */
abstract class Step implements RequestsCommand {
  check(_model: Readonly<RequestsModel>): boolean {
    return true;
  }
  async run(model: RequestsModel, real: RequestsReal): Promise<void> {
    await this.apply(model, real);
    await expectRequestsAgreement(model, real);
  }
  abstract apply(model: RequestsModel, real: RequestsReal): void | Promise<void>;
  abstract toString(): string;
}

class Provide extends Step {
  constructor(readonly spec: ProvideSpec) {
    super();
  }
  apply(model: RequestsModel, real: RequestsReal): void {
    model.provide(this.spec);
    real.provide(this.spec);
  }
  toString = () => `provide(${JSON.stringify(this.spec)})`;
}

/** Calls the cleanup once or twice (it must be idempotent), also on a provider already gone. */
class Unprovide extends Step {
  constructor(
    readonly index: number,
    readonly times: number,
  ) {
    super();
  }
  override check(model: Readonly<RequestsModel>): boolean {
    return model.providersMade > 0;
  }
  apply(model: RequestsModel, real: RequestsReal): void {
    const id = this.index % model.providersMade;
    model.unprovide(id);
    real.unprovide(id, this.times);
  }
  toString = () => `unprovide(#${this.index} mod count, ${this.times}x)`;
}

class Request extends Step {
  constructor(readonly spec: RequestSpec) {
    super();
  }
  apply(model: RequestsModel, real: RequestsReal): void {
    model.request(this.spec);
    real.request(this.spec);
  }
  toString = () => `request(${JSON.stringify(this.spec)})`;
}

class Invalidate extends Step {
  constructor(
    readonly key: RequestKey,
    readonly params: ParamsVariant | 'all',
  ) {
    super();
  }
  apply(model: RequestsModel, real: RequestsReal): void {
    model.invalidate(this.key, this.params);
    real.invalidate(this.key, this.params);
  }
  toString = () => `invalidate(${this.key}, ${this.params})`;
}

/** Aborts the signal of a request (a no-op for one made without a signal, or already settled). */
class Abort extends Step {
  constructor(readonly index: number) {
    super();
  }
  override check(model: Readonly<RequestsModel>): boolean {
    return model.requestCount > 0;
  }
  apply(model: RequestsModel, real: RequestsReal): void {
    const id = this.index % model.requestCount;
    model.abort(id);
    real.abort(id);
  }
  toString = () => `abort(#${this.index} mod count)`;
}

class AdvanceTime extends Step {
  constructor(readonly ms: number) {
    super();
  }
  async apply(model: RequestsModel, real: RequestsReal): Promise<void> {
    model.advance(this.ms);
    await real.advanceTime(this.ms);
  }
  toString = () => `advanceTime(${this.ms})`;
}

const key = fc.constantFrom(...REQUEST_KEYS);

const behaviour: fc.Arbitrary<ProviderBehaviour> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'sync-value' } as const), weight: 2 },
  { arbitrary: fc.constant({ kind: 'sync-throw' } as const), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('resolve-after' as const), delayMs: fc.constantFrom(0, 10, 100) }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('reject-after' as const), delayMs: fc.constantFrom(10, 100) }),
    weight: 1,
  },
);

const provideSpec: fc.Arbitrary<ProvideSpec> = fc.record({
  key,
  behaviour,
  ttlMs: fc.constantFrom(undefined, 0, 50, 200),
});

const requestSpec: fc.Arbitrary<RequestSpec> = fc.record({
  key,
  params: fc.constantFrom<ParamsVariant>('none', 'a1b2', 'b2a1', 'nested-cd', 'nested-dc'),
  // Deadlines end in 5 ms (see ProviderBehaviour); the bus's default is 35 or 1005 ms.
  timeoutMs: fc.constantFrom(undefined, 25, 155),
  fresh: fc.boolean(),
  ttlMs: fc.constantFrom(undefined, undefined, 0, 50),
  abortable: fc.boolean(),
});

export const requestsCommands: fc.Arbitrary<RequestsCommand>[] = [
  provideSpec.map((spec) => new Provide(spec)),
  fc.tuple(fc.nat(), fc.constantFrom(1, 2)).map(([index, times]) => new Unprovide(index, times)),
  requestSpec.map((spec) => new Request(spec)),
  requestSpec.map((spec) => new Request(spec)),
  requestSpec.map((spec) => new Request(spec)),
  fc
    .tuple(key, fc.constantFrom<ParamsVariant | 'all'>('all', 'a1b2', 'b2a1', 'nested-cd', 'nested-dc'))
    .map(([k, params]) => new Invalidate(k, params)),
  fc.nat().map((index) => new Abort(index)),
  // Multiples of 10 ms: 50 and 200 reach a cache entry's expiry exactly (expired from then on).
  fc.constantFrom(10, 20, 50, 100, 200, 500).map((ms) => new AdvanceTime(ms)),
];
