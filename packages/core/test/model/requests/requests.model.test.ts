import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NOTHING_REGISTERED } from '../support/counts';
import { installModelClock, removeModelClock } from '../support/model-clock';
import { COMMANDS_SHAPE, MODEL_TEST_TIMEOUT_MS, runSettings } from '../support/run-settings';
import { expectRequestsAgreement } from './requests-agreement';
import { requestsCommands } from './requests-commands';
import { RequestsModel } from './requests-model';
import { RequestsReal } from './requests-real';

/** Longer than every deadline (at most 1005 ms): after it, nothing can still be waiting. */
const DRAIN_MS = 2_000;

describe('request/response model', () => {
  test(
    'provider calls, dedupe, cache, timeouts, aborts and counts follow the model',
    async () => {
      const sequences = fc.asyncProperty(
        fc.constantFrom(35, 1005),
        fc.commands(requestsCommands, COMMANDS_SHAPE),
        async (requestTimeoutMs, commands) => {
          installModelClock();
          try {
            const model = new RequestsModel(requestTimeoutMs);
            const real = new RequestsReal(requestTimeoutMs);
            await fc.asyncModelRun(() => ({ model, real }), commands);
            model.unprovideAll();
            real.unprovideAll();
            model.advance(DRAIN_MS);
            await real.advanceTime(DRAIN_MS);
            await expectRequestsAgreement(model, real);
            expect(model.pendingRequesters).toBe(0);
            expect(real.bus.inspect().counts).toEqual(NOTHING_REGISTERED);
          } finally {
            removeModelClock();
          }
        },
      );
      await fc.assert(sequences, runSettings('request/response'));
    },
    MODEL_TEST_TIMEOUT_MS,
  );
});
