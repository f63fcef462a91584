import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The pane: index.html + one JS bundle + assets into dist/ (served by the API at the site root).
// The send handler is built separately by scripts/build-handler.mjs (one classic script, no imports).
// OUTLOOKCOMMIT_CLIENT_ID (the API's Entra app) turns on NAA sign-in; unset = the API's local mode, no token.
export default defineConfig({
  base: './',
  define: {
    __CLIENT_ID__: JSON.stringify(process.env.OUTLOOKCOMMIT_CLIENT_ID ?? ''),
    __API_SCOPE__: JSON.stringify(process.env.OUTLOOKCOMMIT_API_SCOPE ?? ''),
  },
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 700,
    sourcemap: false,
    rollupOptions: {
      // MSAL (sign-in, production mode only) is a dynamic import: its own chunk, never loaded in local mode.
      output: { chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => id.includes('@azure/msal')) ? 'assets/msal-[hash].js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:5180', '/health': 'http://localhost:5180' },
  },
});
