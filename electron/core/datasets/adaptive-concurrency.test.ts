import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency } from './adaptive-concurrency';

describe('the listing’s concurrency', () => {
  it('grows by one for each page answered, up to its maximum', () => {
    const window = new AdaptiveConcurrency(4, 6);
    const seen = [window.limit];
    for (let i = 0; i < 4; i++) {
      window.succeeded();
      seen.push(window.limit);
    }
    expect(seen).toEqual([4, 5, 6, 6, 6]);
  });

  it('halves on a 429, once for all the requests that were out together', () => {
    const window = new AdaptiveConcurrency(16, 32);
    const together = Array.from({ length: 16 }, () => window.send());
    for (const request of together) window.throttled(request);
    expect(window.limit).toBe(8);

    // A request sent after the halving that still meets a 429: the service wants fewer yet.
    window.throttled(window.send());
    expect(window.limit).toBe(4);
  });

  it('never goes below one request, nor above its maximum', () => {
    const window = new AdaptiveConcurrency(2, 3);
    for (let i = 0; i < 5; i++) window.throttled(window.send());
    expect(window.limit).toBe(1);
    for (let i = 0; i < 50; i++) window.succeeded();
    expect(window.limit).toBe(3);
    expect(new AdaptiveConcurrency(8, 0).limit).toBe(1);
  });

  it('after a 429, grows by one per round trip rather than per page', () => {
    const window = new AdaptiveConcurrency(8, 32);
    window.throttled(window.send());
    expect(window.limit).toBe(4);
    const limits: number[] = [];
    for (let i = 0; i < 4 + 5 + 6; i++) {
      window.succeeded();
      limits.push(window.limit);
    }
    expect(limits).toEqual([4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 7]);
  });
});
