import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImageSampler } from './image-sample';
import type { CocoImageRef } from './report';

const image = (index: number): CocoImageRef => ({
  index,
  fileName: `images/${index}.jpg`,
  url: `https://account.blob.core.windows.net/c/images/${index}.jpg`,
});

/** A seeded generator (mulberry32), so the spread test gives the same answer every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(count: number, size: number, random?: () => number): number[] {
  const sampler = createImageSampler(size, random);
  for (let i = 0; i < count; i++) sampler.add(image(i));
  return sampler.result().map((r) => r.index);
}

describe('the image sampler', () => {
  it('keeps every image of a small file, in order', () => {
    expect(sample(0, 50)).toEqual([]);
    expect(sample(1, 50)).toEqual([0]);
    expect(sample(5, 3)).toEqual([0, 1, 2, 3, 4]);
    expect(sample(6, 3)).toHaveLength(5);
  });

  it('always has the first and the last image, each image once, at most size + 2', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        (n, size, seed) => {
          const picked = sample(n, size, seeded(seed));
          expect(picked).toEqual([...new Set(picked)].sort((a, b) => a - b));
          expect(picked.length).toBe(Math.min(n, size + 2));
          if (n > 0) expect([picked[0], picked.at(-1)]).toEqual([0, n - 1]);
          expect(picked.every((i) => i >= 0 && i < n)).toBe(true);
        },
      ),
    );
  });

  it('picks the images in between evenly', () => {
    const random = seeded(42);
    const hits = new Array<number>(100).fill(0);
    for (let round = 0; round < 2_000; round++) {
      for (const i of sample(100, 10, random)) hits[i]! += 1;
    }
    expect(hits[0]).toBe(2_000);
    expect(hits[99]).toBe(2_000);
    // Each of the 98 in between: 10 slots over 98 candidates, about 204 times in 2,000.
    const middle = hits.slice(1, 99);
    expect(Math.min(...middle)).toBeGreaterThan(130);
    expect(Math.max(...middle)).toBeLessThan(280);
  });
});
