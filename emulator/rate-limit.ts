import { ApiError } from './api-error';

/** The largest --rate-limit the emulator takes; far above anything a test needs. */
export const MAX_RATE_LIMIT = 100_000;

/**
 * At most `perSecond` requests per second for each subscription key, as a token bucket: a key
 * starts with `perSecond` tokens (so a second's worth may come at once), every admitted request
 * takes one, and tokens come back at `perSecond` a second up to that same capacity. Refused
 * requests take nothing. So over any span of t seconds a key gets at most perSecond × (1 + t)
 * requests through, and a client that keeps the bucket busy gets exactly perSecond a second.
 *
 * A refusal says when to come back in whole seconds, as Azure's Retry-After does: the wait until
 * the next token, rounded up, so a client that honours it is never refused for coming early.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(perSecond) || perSecond < 1 || perSecond > MAX_RATE_LIMIT) {
      throw new RangeError(
        `The rate limit must be a whole number of requests per second from 1 to ${MAX_RATE_LIMIT}; got ${perSecond}.`,
      );
    }
  }

  /** Takes a token for `key`; otherwise how many whole seconds until one is there. */
  take(key: string): { admitted: true } | { admitted: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, at: now };
    // A clock that steps back must not drain the bucket.
    const elapsedMs = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + (elapsedMs * this.perSecond) / 1000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { admitted: true };
    }
    const waitMs = ((1 - bucket.tokens) * 1000) / this.perSecond;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Throws the service's 429 when `key` is over its limit. */
  admit(key: string): void {
    const taken = this.take(key);
    if (taken.admitted) return;
    const seconds = taken.retryAfterSeconds;
    throw new ApiError(
      429,
      'TooManyRequests',
      `Rate limit is exceeded: this subscription key may make ${this.perSecond} request(s) per second. Try again in ${seconds} second(s).`,
      { headers: { 'Retry-After': String(seconds) } },
    );
  }
}
