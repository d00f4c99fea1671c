import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import react19 from './vitest.config.ts';

// React 18 is installed apart (peers/react-18), so its react-dom and Testing Library resolve that React too.
const react18 = fileURLToPath(new URL('../../peers/react-18/node_modules/', import.meta.url));

// Every hook's tests on React 18, but useSuspenseRequest's (React 19's use).
export default mergeConfig(
  react19,
  defineConfig({
    resolve: {
      alias: ['react', 'react-dom', '@testing-library/react'].map((name) => ({
        find: new RegExp(`^${name}(/.*)?$`),
        replacement: `${react18}${name}$1`,
      })),
    },
    test: { name: 'react 18', exclude: ['src/use-suspense-request.test.tsx'] },
  }),
);
