import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import vue35 from './vitest.config.ts';

// Vue 3.3 is installed apart (peers/vue-3.3): its SFC compiler compiles the test components, and Vue Test Utils
// resolve that Vue too.
const vue33 = fileURLToPath(new URL('../../peers/vue-3.3/node_modules/', import.meta.url));

export default defineConfig({
  plugins: [vue({ compiler: createRequire(vue33)('vue/compiler-sfc') })],
  resolve: {
    ...vue35.resolve,
    alias: ['vue', '@vue/test-utils'].map((name) => ({
      find: new RegExp(`^${name}(/.*)?$`),
      replacement: `${vue33}${name}$1`,
    })),
  },
  test: { ...vue35.test, name: 'vue 3.3' },
});
