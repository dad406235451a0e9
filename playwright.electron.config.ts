import { defineConfig } from '@playwright/test';

// Drives the real Electron app (`npm run test:electron`). It needs the Electron binary, which the
// setup never downloads, so CI here cannot run this suite; each test skips itself without it.
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 90_000,
  workers: 1,
  retries: 0,
  reporter: 'list',
});
