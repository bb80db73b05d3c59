import { describe, expect, it } from 'vitest';
import { placeSelectedUris, roomForUris } from './place-selected';

const uri = (n: number) => `https://acct.blob.core.windows.net/c/f${n}.json`;

describe('placeSelectedUris', () => {
  it('fills the empty rows first, then adds rows', () => {
    const placed = placeSelectedUris([uri(1), '', uri(2)], [uri(3), uri(4)]);
    expect(placed.rows).toEqual([uri(1), uri(3), uri(2), uri(4)]);
    expect(placed.added).toEqual([uri(3), uri(4)]);
    expect(placed.leftOut).toEqual([]);
  });

  it('does not list a file twice', () => {
    const placed = placeSelectedUris([uri(1)], [uri(1), uri(2)]);
    expect(placed.rows).toEqual([uri(1), uri(2)]);
    expect(placed.alreadyListed).toEqual([uri(1)]);
  });

  it('stops at the limit and returns what did not fit', () => {
    const rows = Array.from({ length: 9 }, (_, i) => uri(i));
    const placed = placeSelectedUris(rows, [uri(20), uri(21), uri(22)]);
    expect(placed.rows).toHaveLength(10);
    expect(placed.rows[9]).toBe(uri(20));
    expect(placed.leftOut).toEqual([uri(21), uri(22)]);
  });
});

describe('roomForUris', () => {
  it('counts empty rows and rows still to add', () => {
    expect(roomForUris([''])).toBe(10);
    expect(roomForUris([uri(1), ''])).toBe(9);
    expect(roomForUris(Array.from({ length: 10 }, (_, i) => uri(i)))).toBe(0);
  });
});
