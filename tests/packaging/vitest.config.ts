// Packaging tests run separately from the unit tests because the smoke run builds and packs the
// whole app (a minute or two): npx vitest run -c tests/packaging/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/packaging/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One at a time: the smoke run writes the shared out/ folder.
    maxWorkers: 1,
    testTimeout: 300_000,
  },
});
