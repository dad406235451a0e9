import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../portal/src/security/rate-limit.ts';

describe('rate limiter', () => {
  it('allows up to the limit per window, then again after the window', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000, now: () => now });
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
    expect(limiter.hit('b').allowed).toBe(true);

    now = 1000;
    expect(limiter.hit('a').allowed).toBe(true);
  });

  it('peeks without counting', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000, now: () => 0 });
    expect(limiter.peek('k').allowed).toBe(true);
    limiter.hit('k');
    expect(limiter.peek('k').allowed).toBe(false);
    limiter.reset('k');
    expect(limiter.peek('k').allowed).toBe(true);
  });
});
