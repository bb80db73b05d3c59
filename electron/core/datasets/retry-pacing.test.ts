import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs, retryDelayMs } from './retry-pacing';

const policy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 10_000 };

describe('Retry-After', () => {
  const now = Date.parse('2023-02-01T10:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('Wed, 01 Feb 2023 10:00:07 GMT', now)).toBe(7000);
  });

  it('treats a date in the past as now, and ignores what it cannot read', () => {
    expect(parseRetryAfterMs('Wed, 01 Feb 2023 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});

describe('the wait before a retry', () => {
  it("honours the service's Retry-After, up to the cap", () => {
    expect(retryDelayMs(policy, 1, 1000, () => 0.9)).toBe(1000);
    expect(retryDelayMs(policy, 1, 3_600_000, () => 0.9)).toBe(10_000);
  });

  it('doubles from the base, with jitter between half and all of it, up to the cap', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(policy, n, undefined, () => 0))).toEqual([
      100, 200, 400,
    ]);
    expect([1, 2, 3].map((n) => retryDelayMs(policy, n, undefined, () => 0.999999))).toEqual([
      200, 400, 800,
    ]);
    expect(retryDelayMs(policy, 20, undefined, () => 0.999999)).toBe(10_000);
  });
});
