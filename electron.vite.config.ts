import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fontDisplaySwap } from './scripts/font-display-swap.ts';

// One build for both modes: the machine policy decides at start which window (clerk or kiosk)
// the shell opens, so main, both preloads and both renderer entries ship in every binary.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The first sync runs in its own process with two worker threads. Their entry scripts are
      // found at run time beside the bundle (initial-sync.ts, initial-sync-threads.ts), so each is
      // an entry of its own: out/main/initial-sync-process.js and out/main/initial-sync-worker.js.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/shell/index.ts'),
          'initial-sync-process': resolve(__dirname, 'src-main/clerk/sync/initial-sync-process.ts'),
          'initial-sync-worker': resolve(__dirname, 'src-main/clerk/sync/initial-sync-worker.ts'),
        },
      },
      // better-sqlite3 is a native addon; it must be loaded from node_modules at run time.
      externalizeDeps: true,
    },
  },
  preload: {
    // Sandboxed preloads run as plain CommonJS scripts that may require only `electron` and a few
    // built-ins: each preload is one standalone file with zod and the contract bundled in.
    build: {
      isolatedEntries: true,
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: {
          clerk: resolve(__dirname, 'src-preload/clerk.ts'),
          kiosk: resolve(__dirname, 'src-preload/kiosk.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    css: { postcss: { plugins: [fontDisplaySwap()] } },
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: {
          clerk: resolve(__dirname, 'src-renderer/clerk.html'),
          kiosk: resolve(__dirname, 'src-renderer/kiosk.html'),
        },
      },
    },
  },
});
