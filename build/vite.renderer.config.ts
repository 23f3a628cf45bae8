import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer: React 19 built by Vite into renderer/dist. `base: './'` because the tray app loads
// it from a file inside the asar archive, and the web host from its own origin: relative URLs work for both.
export default defineConfig({
  root: fileURLToPath(new URL('../renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../renderer/dist', import.meta.url)),
    emptyOutDir: true,
    // One admin tool on a local disk: a few large chunks load faster than many small ones.
    chunkSizeWarningLimit: 4000,
  },
});
