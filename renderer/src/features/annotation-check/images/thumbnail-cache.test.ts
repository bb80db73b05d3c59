import { describe, expect, it } from 'vitest';
import { ThumbnailCache } from './thumbnail-cache';

describe('the thumbnails the page keeps', () => {
  it('lets the least recently used go past the byte cap, revoking their URLs', () => {
    const revoked: string[] = [];
    const cache = new ThumbnailCache(100, (url) => revoked.push(url));
    for (const id of ['a', 'b', 'c']) {
      cache.put(id, `blob:${id}`, 40);
      cache.release(id);
    }
    expect(revoked).toEqual(['blob:a']);
    expect(cache.bytes).toBe(80);
    expect(cache.hold('b')).toBe('blob:b');
    cache.release('b');
    cache.put('d', 'blob:d', 40);
    cache.release('d');
    // b was used after c: c goes first.
    expect(revoked).toEqual(['blob:a', 'blob:c']);
    expect(cache.has('b')).toBe(true);
  });

  it('never revokes a thumbnail on screen, and lets it go once released', () => {
    const revoked: string[] = [];
    const cache = new ThumbnailCache(50, (url) => revoked.push(url));
    cache.put('shown', 'blob:shown', 40);
    cache.put('next', 'blob:next', 40);
    expect(revoked).toEqual([]);
    expect(cache.bytes).toBe(80);
    cache.release('shown');
    expect(revoked).toEqual(['blob:shown']);
    expect(cache.hold('shown')).toBeUndefined();
  });

  it('keeps one URL per thumbnail when two ask at once', () => {
    const revoked: string[] = [];
    const cache = new ThumbnailCache(100, (url) => revoked.push(url));
    expect(cache.put('a', 'blob:1', 10)).toBe('blob:1');
    expect(cache.put('a', 'blob:2', 10)).toBe('blob:1');
    expect(revoked).toEqual(['blob:2']);
    expect(cache.bytes).toBe(10);
  });
});
