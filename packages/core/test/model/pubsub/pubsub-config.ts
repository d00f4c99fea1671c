import fc from 'fast-check';

export interface PubSubConfig {
  replayWindowMs: number;
  replayLimit: number;
}

export const pubSubConfigArbitrary: fc.Arbitrary<PubSubConfig> = fc.record({
  replayWindowMs: fc.constantFrom(0, 50, 1000),
  replayLimit: fc.constantFrom(0, 1, 3),
});
