import fc from 'fast-check';
import { expectStateAgreement } from './state-agreement';
import type { StateModel } from './state-model';
import type { StateReal } from './state-real';
import {
  STATE_KEYS,
  type StateKey,
  type StateWrite,
  type SubscriberReaction,
  type ValueChoice,
  type WatcherReaction,
  type WatchSpec,
} from './vocabulary';

type StateCommand = fc.Command<StateModel, StateReal>;

/** A command that applies the same change to both sides, then checks they agree. */
abstract class Step implements StateCommand {
  check(_model: Readonly<StateModel>): boolean {
    return true;
  }
  run(model: StateModel, real: StateReal): void {
    this.apply(model, real);
    expectStateAgreement(model, real);
  }
  abstract apply(model: StateModel, real: StateReal): void;
  abstract toString(): string;
}

class SetState extends Step {
  constructor(
    readonly key: StateKey,
    readonly write: StateWrite,
  ) {
    super();
  }
  apply(model: StateModel, real: StateReal): void {
    model.setState(this.key, this.write);
    real.setState(this.key, this.write);
  }
  toString = () => `setState(${this.key}, ${JSON.stringify(this.write)})`;
}

class Watch extends Step {
  constructor(readonly spec: WatchSpec) {
    super();
  }
  apply(model: StateModel, real: StateReal): void {
    model.watch(this.spec);
    real.watch(this.spec);
  }
  toString = () => `watchState(${JSON.stringify(this.spec)})`;
}

/** Calls the cleanup once or twice (it must be idempotent), also on a watcher already gone. */
class Unwatch extends Step {
  constructor(
    readonly index: number,
    readonly times: number,
  ) {
    super();
  }
  override check(model: Readonly<StateModel>): boolean {
    return model.watchersMade > 0;
  }
  apply(model: StateModel, real: StateReal): void {
    const id = this.index % model.watchersMade;
    model.unwatch(id);
    real.unwatch(id, this.times);
  }
  toString = () => `unwatch(#${this.index} mod count, ${this.times}x)`;
}

class Subscribe extends Step {
  constructor(readonly reaction: SubscriberReaction) {
    super();
  }
  apply(model: StateModel, real: StateReal): void {
    model.subscribe(this.reaction);
    real.subscribe(this.reaction);
  }
  toString = () => `subscribe(${JSON.stringify(this.reaction)})`;
}

class Unsubscribe extends Step {
  constructor(
    readonly index: number,
    readonly times: number,
  ) {
    super();
  }
  override check(model: Readonly<StateModel>): boolean {
    return model.subscribersMade > 0;
  }
  apply(model: StateModel, real: StateReal): void {
    const id = this.index % model.subscribersMade;
    model.unsubscribe(id);
    real.unsubscribe(id, this.times);
  }
  toString = () => `unsubscribe(#${this.index} mod count, ${this.times}x)`;
}

class Publish extends Step {
  apply(model: StateModel, real: StateReal): void {
    model.publish();
    real.publish();
  }
  toString = () => 'publish()';
}

/** Moves the clock, so that `meta.timestamp` of a notification tells which write it reports. */
class AdvanceTime extends Step {
  constructor(readonly ms: number) {
    super();
  }
  apply(model: StateModel, real: StateReal): void {
    model.now += this.ms;
    real.advanceTime(this.ms);
  }
  toString = () => `advanceTime(${this.ms})`;
}

const key = fc.constantFrom(...STATE_KEYS);
const value = fc.constantFrom<ValueChoice>('zero', 'minus-zero', 'one', 'nan', 'object');

const write: fc.Arbitrary<StateWrite> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('value' as const), value }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('updater' as const), value }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'keep' } as const), weight: 1 },
  { arbitrary: fc.constant({ kind: 'throw' } as const), weight: 1 },
);

const watcherReaction: fc.Arbitrary<WatcherReaction> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'record' } as const), weight: 3 },
  { arbitrary: fc.constant({ kind: 'throw' } as const), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('set-once' as const), key, value }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('watch-once' as const), key, immediate: fc.boolean() }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'publish-once' } as const), weight: 1 },
);

const subscriberReaction: fc.Arbitrary<SubscriberReaction> = fc.oneof(
  fc.constant({ kind: 'record' } as const),
  fc.record({ kind: fc.constant('set-once' as const), key, value }),
);

const removal = fc.tuple(fc.nat(), fc.constantFrom(1, 2));

export const stateCommands: fc.Arbitrary<StateCommand>[] = [
  fc.tuple(key, write).map(([k, w]) => new SetState(k, w)),
  fc.tuple(key, write).map(([k, w]) => new SetState(k, w)),
  fc.record({ key, immediate: fc.boolean(), reaction: watcherReaction }).map((spec) => new Watch(spec)),
  removal.map(([index, times]) => new Unwatch(index, times)),
  subscriberReaction.map((reaction) => new Subscribe(reaction)),
  removal.map(([index, times]) => new Unsubscribe(index, times)),
  fc.constant(new Publish()),
  fc.constantFrom(1, 10).map((ms) => new AdvanceTime(ms)),
];
