import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The pane: index.html + one JS bundle + assets into dist/ (served by the API at the site root).
// The send handler is built separately by scripts/build-handler.mjs (one classic script, no imports).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 700,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:5180', '/health': 'http://localhost:5180' },
  },
});
