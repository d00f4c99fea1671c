import react from '@vitejs/plugin-react';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// React 19; vitest.peer-oldest.config.ts runs the same tests on React 18, the other end of the peer range.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    name: 'react 19',
    environment: 'jsdom',
    // One DOM per worker, not per file (a third of the time): each test makes its own bus, unmounts what it mounts.
    isolate: false,
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
