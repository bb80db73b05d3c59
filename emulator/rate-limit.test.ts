import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';
import type { RunningEmulator } from './server';
import { call, register, startTestEmulator } from './test-helpers';

function clock(startMs = 1_000_000) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

describe('the rate limiter', () => {
  it('lets a second’s worth through at once, then refuses until tokens come back', () => {
    const time = clock();
    const limiter = new RateLimiter(3, time.now);
    const answers = Array.from({ length: 4 }, () => limiter.take('k').admitted);
    expect(answers).toEqual([true, true, true, false]);
    time.advance(330);
    expect(limiter.take('k').admitted).toBe(false);
    time.advance(4);
    expect(limiter.take('k').admitted).toBe(true);
    expect(limiter.take('k').admitted).toBe(false);
  });

  it('keeps up a steady N a second, and saves up no more than one second’s worth', () => {
    const time = clock();
    const limiter = new RateLimiter(10, time.now);
    let admitted = 0;
    // Ten seconds of a client asking every millisecond.
    for (let ms = 0; ms < 10_000; ms++) {
      if (limiter.take('k').admitted) admitted += 1;
      time.advance(1);
    }
    expect(admitted).toBe(10 + 100 - 1);

    time.advance(60_000);
    const burst = Array.from({ length: 12 }, () => limiter.take('k').admitted);
    expect(burst.filter(Boolean)).toHaveLength(10);
  });

  it('says when to come back in whole seconds, never too early', () => {
    const time = clock();
    const limiter = new RateLimiter(2, time.now);
    limiter.take('k');
    limiter.take('k');
    const refused = limiter.take('k');
    expect(refused).toEqual({ admitted: false, retryAfterSeconds: 1 });
    time.advance(1000);
    expect(limiter.take('k').admitted).toBe(true);
  });

  it('counts each subscription key on its own', () => {
    const limiter = new RateLimiter(1, clock().now);
    expect(limiter.take('a').admitted).toBe(true);
    expect(limiter.take('a').admitted).toBe(false);
    expect(limiter.take('b').admitted).toBe(true);
  });

  it('is not drained by a clock that steps back', () => {
    const time = clock();
    const limiter = new RateLimiter(1, time.now);
    limiter.take('k');
    time.advance(-5_000);
    expect(limiter.take('k').admitted).toBe(false);
    time.advance(1_000);
    expect(limiter.take('k').admitted).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN, 100_001])('refuses %s requests a second', (perSecond) => {
    expect(() => new RateLimiter(perSecond)).toThrow(/rate limit must be a whole number/);
  });
});

describe('an emulator with a rate limit', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(() => emulator?.close());

  it('answers 429 with Retry-After and the service’s error body past the limit', async () => {
    const time = clock();
    emulator = await startTestEmulator({ rateLimit: 2, clock: time.now });
    await register(emulator, 'first');
    expect((await call(emulator, 'GET', '/first')).status).toBe(200);

    const refused = await call(emulator, 'GET', '/first');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('x-ms-error-code')).toBe('TooManyRequests');
    expect(refused.json.error.code).toBe('TooManyRequests');
    expect(refused.json.error.message).toMatch(/2 request\(s\) per second.*1 second/);

    time.advance(1000);
    expect((await call(emulator, 'GET', '/first')).status).toBe(200);
  });

  it('tells a wrong key so rather than to wait, and does not count it', async () => {
    emulator = await startTestEmulator({ rateLimit: 1, clock: clock().now });
    expect((await call(emulator, 'GET', '', { key: 'wrong' })).status).toBe(401);
    expect((await call(emulator, 'GET', '', { key: 'wrong' })).status).toBe(401);
    expect((await call(emulator, 'GET', '')).status).toBe(200);
    expect((await call(emulator, 'GET', '')).status).toBe(429);
  });

  it('has no limit when the option is 0', async () => {
    emulator = await startTestEmulator({ rateLimit: 0, clock: clock().now });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await call(emulator!, 'GET', '')).status),
    );
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));
  });

  it('refuses a rate limit that is not a whole number of requests', async () => {
    await expect(startTestEmulator({ rateLimit: 2.5 })).rejects.toThrow(/rateLimit must be/);
  });
});
