/**
 * How many command sequences each model runs. CI (`vitest run`): a fixed seed, so a run is reproducible
 * and a failure is the code's fault, not luck. `pnpm fuzz` (MFE_BUS_FUZZ=1): many more runs from a random
 * seed, printed so a failure can be replayed with MFE_BUS_FUZZ_SEED.
 */
const fuzzing = process.env.MFE_BUS_FUZZ === '1';

const CI_RUNS = 2_000;
const CI_SEED = 42;
const FUZZ_RUNS = Number(process.env.MFE_BUS_FUZZ_RUNS ?? 10_000);

export interface RunSettings {
  numRuns: number;
  seed: number;
}

export function runSettings(model: string): RunSettings {
  if (!fuzzing) return { numRuns: CI_RUNS, seed: CI_SEED };
  const seed = Number(process.env.MFE_BUS_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`[model fuzz] ${model}: ${FUZZ_RUNS} runs, seed ${seed} (replay with MFE_BUS_FUZZ_SEED=${seed})`);
  return { numRuns: FUZZ_RUNS, seed };
}

/** Generous on purpose: these tests assert behaviour, a slow machine must not fail them on time. */
export const MODEL_TEST_TIMEOUT_MS = fuzzing ? 60 * 60_000 : 10 * 60_000;

/**
 * Sequences of up to 30 commands keep a run fast; small alphabets (few topics, keys) make them collide
 * often. `medium` size, because the default (`small`) rarely makes sequences longer than 10 commands,
 * too short for the interleavings (a listener reacting inside another's delivery) that find bugs.
 */
export const COMMANDS_SHAPE = { maxCommands: 30, size: 'medium' } as const;
