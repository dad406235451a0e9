// Fixed-window rate limits kept in memory. Good for the embedded single-process portal.
// NOTE: with several stateless instances each instance counts on its own, so the effective limit
// multiplies by the instance count; the scale-out deployment needs a shared counter (PostgreSQL or
// the load balancer's own limits).

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

interface Window {
  count: number;
  resetsAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: { limit: number; windowMs: number; now?: () => number }) {
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
  }

  /** Counts one event for the key and returns whether it is still within the limit. */
  hit(key: string): RateLimitDecision {
    const now = this.now();
    this.sweep(now);

    let window = this.windows.get(key);
    if (!window || window.resetsAt <= now) {
      window = { count: 0, resetsAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return { allowed: window.count <= this.limit, retryAfterSeconds: (window.resetsAt - now) / 1000 };
  }

  /** Tells whether the key is over the limit without counting an event. */
  peek(key: string): RateLimitDecision {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || window.resetsAt <= now) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: window.count < this.limit, retryAfterSeconds: (window.resetsAt - now) / 1000 };
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    // Bounded memory: expired windows go once the map grows, not on every hit.
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key);
  }
}
