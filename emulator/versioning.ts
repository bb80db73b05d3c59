import { randomInt } from 'node:crypto';

const ETAG_LENGTH = 26;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Same look as the contract's example (26 lowercase letters); random, so it never repeats by accident. */
export function newETag(previous?: string): string {
  let eTag: string;
  do {
    eTag = Array.from({ length: ETAG_LENGTH }, () => LETTERS[randomInt(LETTERS.length)]).join('');
  } while (eTag === previous);
  return eTag;
}

/**
 * The next `updatedDateTime` of a dataset. Clients order versions by it, so it must move forward
 * on every write even when two writes land in the same millisecond or the clock steps back.
 */
export function nextUpdatedDateTime(previous: string | undefined, nowMs: number): string {
  const previousMs = previous === undefined ? Number.NEGATIVE_INFINITY : Date.parse(previous);
  return new Date(Math.max(nowMs, previousMs + 1)).toISOString();
}
