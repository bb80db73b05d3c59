import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it('says small sizes in bytes and large ones in the next unit, one decimal at most', () => {
    expect(formatBytes(0)).toMatch(/^0 bytes$/);
    expect(formatBytes(1023)).toMatch(/^1,?023 bytes$/);
    expect(formatBytes(1536)).toMatch(/^1[.,]5 kB$/);
    expect(formatBytes(5 * 1024 * 1024)).toMatch(/^5 MB$/);
  });
});
