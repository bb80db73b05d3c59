import type { CocoImageRef } from './report';

/**
 * Picks the images whose addresses a check tries to read: the first, the last, and a uniform
 * random sample of those in between (reservoir sampling, so a million images cost `size` slots).
 */
export interface ImageSampler {
  add(image: CocoImageRef): void;
  /** In the file's order, each image once: min(images added, size + 2). */
  result(): CocoImageRef[];
}

export function createImageSampler(size = 50, random: () => number = Math.random): ImageSampler {
  let first: CocoImageRef | undefined;
  /** The latest image: it joins the ones in between only when another one follows it. */
  let last: CocoImageRef | undefined;
  const reservoir: CocoImageRef[] = [];
  let between = 0;

  function offer(image: CocoImageRef) {
    between += 1;
    if (reservoir.length < size) {
      reservoir.push(image);
      return;
    }
    const slot = Math.floor(random() * between);
    if (slot < size) reservoir[slot] = image;
  }

  return {
    add(image) {
      if (first === undefined) {
        first = image;
        return;
      }
      if (last !== undefined) offer(last);
      last = image;
    },
    result() {
      const middle = [...reservoir].sort((a, b) => a.index - b.index);
      return [first, ...middle, last].filter((image) => image !== undefined);
    },
  };
}
