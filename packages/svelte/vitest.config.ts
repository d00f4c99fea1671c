import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    environment: 'jsdom',
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
  },
});
