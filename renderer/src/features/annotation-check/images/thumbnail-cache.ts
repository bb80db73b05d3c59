/**
 * The thumbnails the page holds, as object URLs: the least recently used go once their bytes
 * pass the cap, except those on screen (held), which are let go only when released.
 */

/** Bytes of decoded-from images kept: a few hundred thumbnails of usual size. */
export const THUMBNAIL_CACHE_BYTES = 48 * 1024 * 1024;

interface Entry {
  url: string;
  bytes: number;
  holds: number;
}

export class ThumbnailCache {
  // In insertion order, refreshed on use: the first is the least recently used.
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(
    private readonly maxBytes = THUMBNAIL_CACHE_BYTES,
    private readonly revoke: (url: string) => void = (url) => URL.revokeObjectURL(url),
  ) {}

  /** The URL of `id`, held until release(id): not revoked while something shows it. */
  hold(id: string): string | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    entry.holds += 1;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.url;
  }

  /** Adds `url` for `id`, held once (by the one who asked for it). */
  put(id: string, url: string, bytes: number): string {
    const old = this.entries.get(id);
    if (old) {
      this.revoke(url);
      old.holds += 1;
      return old.url;
    }
    this.entries.set(id, { url, bytes, holds: 1 });
    this.total += bytes;
    this.evict();
    return url;
  }

  release(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.holds = Math.max(0, entry.holds - 1);
    this.evict();
  }

  get bytes(): number {
    return this.total;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  private evict(): void {
    if (this.total <= this.maxBytes) return;
    for (const [id, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      if (entry.holds > 0) continue;
      this.entries.delete(id);
      this.total -= entry.bytes;
      this.revoke(entry.url);
    }
  }
}
