import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NOTHING_REGISTERED } from '../support/counts';
import { installModelClock, removeModelClock } from '../support/model-clock';
import { COMMANDS_SHAPE, MODEL_TEST_TIMEOUT_MS, runSettings } from '../support/run-settings';
import { SharedObjects, ValueMaker } from './shared-values';
import { expectStateAgreement } from './state-agreement';
import { stateCommands } from './state-commands';
import { StateModel } from './state-model';
import { StateReal } from './state-real';

describe('shared state model', () => {
  test(
    'values, notifications (in FIFO order with events), errors and counts follow the model',
    () => {
      const sequences = fc.property(fc.commands(stateCommands, COMMANDS_SHAPE), (commands) => {
        installModelClock();
        try {
          const shared = new SharedObjects();
          const model = new StateModel(new ValueMaker(shared));
          const real = new StateReal(new ValueMaker(shared));
          fc.modelRun(() => ({ model, real }), commands);
          model.removeEverything();
          real.removeEverything();
          expectStateAgreement(model, real);
          expect(real.bus.inspect().counts).toEqual(NOTHING_REGISTERED);
        } finally {
          removeModelClock();
        }
      });
      fc.assert(sequences, runSettings('state'));
    },
    MODEL_TEST_TIMEOUT_MS,
  );
});
