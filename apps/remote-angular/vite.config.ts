import angular from '@analogjs/vite-plugin-angular';
import { defineConfig } from 'vite';

// One ES module, dist/remote.js, exporting mount/unmount, AOT-compiled by Analog's Angular plugin.
// Nothing is external: Angular, RxJS and this remote's own copy of @mfe-bus/core are inside the bundle (the
// page-wide bus is still shared, through the core's global registry). No `@mfe-bus/source` condition:
// @mfe-bus/angular is consumed from its ng-packagr output.
export default defineConfig({
  plugins: [angular({ tsconfig: 'tsconfig.build.json', jit: false })],
  define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
  build: {
    target: 'es2022',
    minify: true,
    lib: { entry: 'src/remote.ts', formats: ['es'], fileName: () => 'remote.js' },
    // The Angular compiler is most of this build, by design: Rolldown need not say so (PLUGIN_TIMINGS).
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
