import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// React 18 is installed apart (peers/react-18), so its react-dom and Testing Library resolve that React too.
const react18 = fileURLToPath(new URL('../../peers/react-18/node_modules/', import.meta.url));
const fromReact18 = ['react', 'react-dom', '@testing-library/react'].map((name) => ({
  find: new RegExp(`^${name}(/.*)?$`),
  replacement: `${react18}${name}$1`,
}));

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Both ends of the peer range: every hook runs on React 19 and on React 18, but useSuspenseRequest (React 19's use).
    projects: [
      { extends: true, test: { name: 'react 19' } },
      {
        extends: true,
        resolve: { alias: fromReact18 },
        test: { name: 'react 18', exclude: ['src/use-suspense-request.test.tsx'] },
      },
    ],
  },
});
