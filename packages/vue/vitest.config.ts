import vue from '@vitejs/plugin-vue';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Vue 3.5; vitest.peer-oldest.config.ts runs the same tests on Vue 3.3, the other end of the peer range.
export default defineConfig({
  plugins: [vue()],
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    name: 'vue 3.5',
    environment: 'happy-dom',
    // One DOM per worker, not per file (a third of the time): each test makes its own bus, unmounts what it mounts.
    isolate: false,
  },
});
