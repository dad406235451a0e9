import { expect, it } from 'vitest';
import { backoffDelay } from '../../../src-main/clerk/portal-api/backoff.ts';

it('backoff doubles up to the cap', () => {
  const options = { baseMs: 100, maxMs: 1_000, random: () => 1 };

  expect([0, 1, 2, 3, 4, 40].map((attempt) => backoffDelay(attempt, options))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
});

it('backoff jitter keeps at least half', () => {
  const options = { baseMs: 100, maxMs: 1_000, random: () => 0 };

  expect(backoffDelay(0, options)).toBe(50);
  expect(backoffDelay(3, options)).toBe(400);
});
