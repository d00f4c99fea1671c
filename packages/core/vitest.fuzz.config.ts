import { defineConfig } from 'vitest/config';

// `pnpm fuzz`: the model tests only, with many more runs from a random seed (see test/model/support/run-settings.ts).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/model/**/*.test.ts'],
    env: { MFE_BUS_FUZZ: '1' },
  },
});
