import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One ES module, dist/remote.js, exporting mount/unmount. Nothing is external: React and this
// remote's own copy of @mfe-bus/core are inside the bundle (the page-wide bus is still shared, through
// the core's global registry).
export default defineConfig({
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    minify: true,
    lib: { entry: 'src/remote.tsx', formats: ['es'], fileName: () => 'remote.js' },
  },
});
