// Delay before the next delivery attempt of a queued application: doubling from `baseMs` up to
// `maxMs`, with up to a fifth added at random so that kiosks do not all retry at the same moment
// after the portal comes back.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 5 * 60_000 };

/** Delay after `failedAttempts` failed attempts (1 for the first failure). */
export function deliveryDelayMs(failedAttempts: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const delay = Math.min(options.baseMs * 2 ** exponent, options.maxMs);
  return Math.round(delay + delay * 0.2 * random());
}
