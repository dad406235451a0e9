import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'portal/**/*.test.ts', 'src-*/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Integration tests start real portal processes; two cores on CI.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
