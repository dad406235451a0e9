// Builds the citizen web pages that the portal serves: the filing app (`web.html`, served at `/`)
// and the status page (`status.html`, served at `/status`). Output goes to `out/web`; hashed
// file names under `assets/` let the portal cache them as immutable.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fontDisplaySwap } from './scripts/font-display-swap.ts';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: '/',
  plugins: [react()],
  css: { postcss: { plugins: [fontDisplaySwap()] } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    // The portal's CSP forbids inline scripts and styles, so nothing may be inlined as data: code.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        web: resolve(import.meta.dirname, 'src-renderer/web.html'),
        status: resolve(import.meta.dirname, 'src-renderer/status.html'),
      },
    },
  },
});
