import vue from '@vitejs/plugin-vue';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    environment: 'happy-dom',
  },
});
