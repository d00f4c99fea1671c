import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NOTHING_REGISTERED } from '../support/counts';
import { installModelClock, removeModelClock } from '../support/model-clock';
import { COMMANDS_SHAPE, MODEL_TEST_TIMEOUT_MS, runSettings } from '../support/run-settings';
import { expectPubSubAgreement } from './pubsub-agreement';
import { pubSubCommands } from './pubsub-commands';
import { pubSubConfigArbitrary } from './pubsub-config';
import { PubSubModel } from './pubsub-model';
import { PubSubReal } from './pubsub-real';

describe('pub/sub model', () => {
  test(
    'delivery order, replay, errors and counts follow the model',
    () => {
      const sequences = fc.property(
        pubSubConfigArbitrary,
        fc.commands(pubSubCommands, COMMANDS_SHAPE),
        (config, commands) => {
          installModelClock();
          try {
            const model = new PubSubModel(config);
            const real = new PubSubReal(config);
            fc.modelRun(() => ({ model, real }), commands);
            model.unsubscribeAll();
            real.unsubscribeAll();
            expectPubSubAgreement(model, real);
            expect(real.bus.inspect().counts).toEqual(NOTHING_REGISTERED);
          } finally {
            removeModelClock();
          }
        },
      );
      fc.assert(sequences, runSettings('pub/sub'));
    },
    MODEL_TEST_TIMEOUT_MS,
  );
});
