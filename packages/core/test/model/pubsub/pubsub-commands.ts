import fc from 'fast-check';
import { expect } from 'vitest';
import { InvalidArgumentError } from '../bus-under-test';
import { expectPubSubAgreement } from './pubsub-agreement';
import type { PubSubModel } from './pubsub-model';
import type { PubSubReal } from './pubsub-real';
import {
  createPayload,
  PATTERNS,
  type PublishSpec,
  type Reaction,
  type SubscribeSpec,
  type Target,
  TOPICS,
} from './vocabulary';

type PubSubCommand = fc.Command<PubSubModel, PubSubReal>;

class Subscribe implements PubSubCommand {
  constructor(readonly spec: SubscribeSpec) {}
  check = () => true;
  run(model: PubSubModel, real: PubSubReal): void {
    model.subscribe(this.spec);
    real.subscribe(this.spec);
    expectPubSubAgreement(model, real);
  }
  toString = () => `subscribe(${JSON.stringify(this.spec)})`;
}

/** Calls the cleanup once or twice (it must be idempotent), also on a subscription already gone. */
class Unsubscribe implements PubSubCommand {
  constructor(
    readonly index: number,
    readonly times: number,
  ) {}
  check = (model: Readonly<PubSubModel>) => model.subscriptionsMade > 0;
  run(model: PubSubModel, real: PubSubReal): void {
    const id = this.index % model.subscriptionsMade;
    model.unsubscribe(id);
    real.unsubscribe(id, this.times);
    expectPubSubAgreement(model, real);
  }
  toString = () => `unsubscribe(#${this.index} mod count, ${this.times}x)`;
}

class Publish implements PubSubCommand {
  constructor(readonly spec: PublishSpec) {}
  check = () => true;
  run(model: PubSubModel, real: PubSubReal): void {
    model.publish(this.spec.topic, this.spec.replay !== false);
    real.publish(this.spec);
    expectPubSubAgreement(model, real);
  }
  toString = () => `publish(${JSON.stringify(this.spec)})`;
}

/** A topic containing `*` is refused, and nothing is delivered or buffered. */
class PublishToInvalidTopic implements PubSubCommand {
  constructor(readonly topic: string) {}
  check = () => true;
  run(model: PubSubModel, real: PubSubReal): void {
    expect(() => real.bus.publish(this.topic, createPayload(0, 'none'))).toThrow(InvalidArgumentError);
    expectPubSubAgreement(model, real);
  }
  toString = () => `publish(${JSON.stringify(this.topic)}) throws`;
}

class AdvanceTime implements PubSubCommand {
  constructor(readonly ms: number) {}
  check = () => true;
  run(model: PubSubModel, real: PubSubReal): void {
    model.now += this.ms;
    real.advanceTime(this.ms);
    expectPubSubAgreement(model, real);
  }
  toString = () => `advanceTime(${this.ms})`;
}

const topic = fc.constantFrom(...TOPICS);
const target = fc.constantFrom<Target>(...TOPICS, ...PATTERNS);
const replayOption = fc.constantFrom(undefined, true, false);

const reaction: fc.Arbitrary<Reaction> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'record' } as const), weight: 3 },
  { arbitrary: fc.constant({ kind: 'throw' } as const), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('publish-once' as const), topic, replay: fc.boolean() }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'abort-on-first' } as const), weight: 1 },
);

const subscribeSpec: fc.Arbitrary<SubscribeSpec> = fc.record({
  target,
  replay: replayOption,
  afterPublish: fc.option(fc.nat(8), { nil: undefined, freq: 3 }),
  reaction,
});

const publishSpec: fc.Arbitrary<PublishSpec> = fc.record({
  topic,
  replay: replayOption,
  preFreeze: fc.constantFrom('none', 'outer', 'inner'),
});

export const pubSubCommands: fc.Arbitrary<PubSubCommand>[] = [
  subscribeSpec.map((spec) => new Subscribe(spec)),
  fc.tuple(fc.nat(), fc.constantFrom(1, 2)).map(([index, times]) => new Unsubscribe(index, times)),
  publishSpec.map((spec) => new Publish(spec)),
  publishSpec.map((spec) => new Publish(spec)),
  fc.constantFrom('*', 'a:*', 'b*', 'a:*:x').map((invalid) => new PublishToInvalidTopic(invalid)),
  // 50 and 1000 land exactly on a window's end (expired from then on); 1 and 49 land just around it.
  fc.constantFrom(1, 49, 50, 1000).map((ms) => new AdvanceTime(ms)),
];
