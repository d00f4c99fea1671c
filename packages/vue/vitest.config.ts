import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Vue 3.3 is installed apart (peers/vue-3.3), so its SFC compiler and Vue Test Utils go with that Vue too.
const vue33 = fileURLToPath(new URL('../../peers/vue-3.3/node_modules/', import.meta.url));
const fromVue33 = ['vue', '@vue/test-utils'].map((name) => ({
  find: new RegExp(`^${name}(/.*)?$`),
  replacement: `${vue33}${name}$1`,
}));
const compiler33 = createRequire(vue33)('vue/compiler-sfc');

export default defineConfig({
  resolve: { conditions: ['@mfe-bus/source', ...defaultClientConditions] },
  test: {
    environment: 'happy-dom',
    // Both ends of the peer range.
    projects: [
      { extends: true, plugins: [vue()], test: { name: 'vue 3.5' } },
      {
        extends: true,
        plugins: [vue({ compiler: compiler33 })],
        resolve: { alias: fromVue33 },
        test: { name: 'vue 3.3' },
      },
    ],
  },
});
