import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The single-page app: `vite build --config web/vite.config.ts` writes web/dist, which the server
 * serves on the same origin as the API. The dev server proxies /api to a running certprep server.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    port: 5173,
    proxy: { '/api': process.env.CERTPREP_API ?? 'http://localhost:3000' },
    // The app imports the API contracts from src/core, one level above the web root.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
