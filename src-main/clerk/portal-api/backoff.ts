// Exponential backoff with jitter for retries against the portal.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Source of randomness in [0, 1); injectable so tests can pin the delay. */
  random?: () => number;
}

/**
 * Returns the wait before retry number `attempt` (0 for the first retry): base · 2^attempt, capped
 * at maxMs, of which a random half is dropped ("equal jitter"), so that many clerk PCs coming back
 * online after a portal outage do not all retry in the same instant.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Resolves after `ms`, or early when the signal aborts. Timers are unref'd so they never keep a process alive. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }

    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal?.addEventListener('abort', done, { once: true });

    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
