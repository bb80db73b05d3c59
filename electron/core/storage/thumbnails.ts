import { randomBytes } from 'node:crypto';
import type { StorageProblem } from '../../../shared/storage/check-contract';
import { readBlob } from './blob-read';
import { parseBlobUrl } from './blob-url';
import type { BlobLocation } from './blob-url';
import { redactSecrets } from './redact-secrets';
import type { ResolvedAccess } from './storage-access';

/**
 * The images a check shows, read for the page by main: the page holds an opaque id, main holds
 * the image's address and the access to read it with, for a while. What goes back is the image's
 * bytes (only PNG, JPEG, GIF, WebP or BMP, recognised by their first bytes) or a problem in
 * words, never an address, signed or not.
 */

/** The largest image shown: the service's own limit per image is far below. */
export const MAX_THUMBNAIL_BYTES = 15 * 1024 ** 2;
/** Ids kept at most (a check of 10 files keeps 520): the oldest go first. */
export const MAX_THUMBNAIL_IDS = 2_000;
/** An id unused for this long is forgotten, with the access it holds. */
export const THUMBNAIL_IDLE_MS = 30 * 60_000;
const READ_TIMEOUT_MS = 30_000;
/** Images read ahead at once, as soon as a check knows which it shows. */
export const PREFETCH_CONCURRENCY = 6;
/** Bytes of images read ahead and kept in main until the page asks; past it, none are kept. */
export const MAX_KEPT_BYTES = 32 * 1024 ** 2;

export interface ThumbnailSource {
  /** The image's `coco_url` or `absolute_url` as the file has it. */
  imageUrl: string;
  /** The annotation file: its account decides whether the token goes with the request. */
  file: BlobLocation;
  access: ResolvedAccess;
}

export type ThumbnailResult =
  | { ok: true; contentType: ImageType; body: Uint8Array }
  | { ok: false; status: number; problem: StorageProblem };

/** What a thumbnail's address answers when the image cannot be shown: JSON with a 4xx/5xx. */
export interface ThumbnailRefusal {
  problem: StorageProblem;
}

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/bmp';

/** The image's type by its first bytes; undefined for anything else (HTML, SVG, text, ...). */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) {
    if (bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  }
  if (starts(0x42, 0x4d)) return 'image/bmp';
  return undefined;
}

interface Entry extends ThumbnailSource {
  group: string;
  usedAt: number;
  /** Read ahead (prefetch) and not yet handed over, or handed over and kept. */
  result?: Promise<ThumbnailResult>;
  keptBytes?: number;
}

export interface ThumbnailStoreOptions {
  fetch: typeof fetch;
  maxIds?: number;
  idleMs?: number;
  maxBytes?: number;
  maxKeptBytes?: number;
  now?: () => number;
}

export function createThumbnailStore(options: ThumbnailStoreOptions) {
  const maxIds = options.maxIds ?? MAX_THUMBNAIL_IDS;
  const idleMs = options.idleMs ?? THUMBNAIL_IDLE_MS;
  const maxBytes = options.maxBytes ?? MAX_THUMBNAIL_BYTES;
  const maxKeptBytes = options.maxKeptBytes ?? MAX_KEPT_BYTES;
  const now = options.now ?? (() => Date.now());
  let keptBytes = 0;
  // In insertion order, refreshed on use: the first is the least recently used.
  const entries = new Map<string, Entry>();

  function drop(id: string) {
    const entry = entries.get(id);
    if (!entry) return;
    keptBytes -= entry.keptBytes ?? 0;
    entries.delete(id);
  }

  function sweep() {
    for (const [id, entry] of entries) {
      if (now() - entry.usedAt > idleMs) drop(id);
    }
    while (entries.size > maxIds) drop(entries.keys().next().value!);
  }

  /**
   * Reads the image into the entry; a readable image is kept (within the byte budget) so the
   * page's ask is answered from memory, a refusal only until it is handed over once.
   */
  function readInto(entry: Entry): Promise<ThumbnailResult> {
    const pending = fetchImage(entry).then((result) => {
      const clean: ThumbnailResult = result.ok
        ? result
        : { ...result, problem: redactSecrets(result.problem, entry.access.sasToken) };
      if (
        clean.ok &&
        keptBytes + clean.body.byteLength <= maxKeptBytes &&
        entries.has(idOf(entry))
      ) {
        entry.keptBytes = clean.body.byteLength;
        keptBytes += entry.keptBytes;
      }
      return clean;
    });
    entry.result = pending;
    return pending;
  }

  const ids = new WeakMap<Entry, string>();
  const idOf = (entry: Entry) => ids.get(entry) ?? '';

  const refusal = (status: number, problem: StorageProblem): ThumbnailResult => ({
    ok: false,
    status,
    problem,
  });

  async function fetchImage(entry: Entry): Promise<ThumbnailResult> {
    const parsed = parseBlobUrl(entry.imageUrl);
    if (!parsed.ok) return refusal(422, parsed.problem);
    const target = parsed.value;
    if (entry.access.unreadable) return refusal(403, entry.access.unreadable);
    const name = target.blobName || target.url;
    const read = await readBlob(target, entry.file, entry.access, {
      fetch: options.fetch,
      maxBytes,
      timeoutMs: READ_TIMEOUT_MS,
    });
    if (!read.ok && read.tooLarge) {
      return refusal(413, {
        code: 'tooLarge',
        message: `${name} is larger than ${Math.round(maxBytes / 1024 ** 2)} MB, too large to preview here.`,
      });
    }
    if (!read.ok) return refusal(502, read.problem);
    const { body, response } = read;
    const contentType = sniffImageType(body);
    if (!contentType) {
      const declaredType = response.headers.get('content-type')?.split(';')[0]?.trim();
      return refusal(415, {
        code: 'other',
        message: `${name} is not a PNG, JPEG, GIF, WebP or BMP image${declaredType ? ` (Storage gives its type as ${declaredType})` : ''}; the service reads only images. Upload the image itself at this address.`,
      });
    }
    return { ok: true, contentType, body };
  }

  return {
    /** Keeps `source` for a while; the id is all the page gets. */
    add(group: string, source: ThumbnailSource): string {
      const id = randomBytes(18).toString('base64url');
      const entry: Entry = { ...source, group, usedAt: now() };
      ids.set(entry, id);
      entries.set(id, entry);
      sweep();
      return id;
    },

    /** Starts reading these images now, a few at once, so the page's asks find them read. */
    prefetch(idList: readonly string[]): void {
      let next = 0;
      const worker = async () => {
        while (next < idList.length) {
          const entry = entries.get(idList[next++]!);
          if (entry && !entry.result) await readInto(entry);
        }
      };
      for (let i = 0; i < Math.min(PREFETCH_CONCURRENCY, idList.length); i++) void worker();
    },

    /** Drops the ids of a check (cancelled, or let go). */
    forget(group: string): void {
      for (const [id, entry] of entries) if (entry.group === group) drop(id);
    },

    async read(id: string): Promise<ThumbnailResult> {
      sweep();
      const entry = entries.get(id);
      if (!entry) {
        return refusal(404, {
          code: 'other',
          message:
            'This image is no longer kept for preview; run Check annotation files again to see it.',
        });
      }
      entry.usedAt = now();
      entries.delete(id);
      entries.set(id, entry);
      // A refusal may quote an address: none leaves with a query string or the token in it.
      const result = await (entry.result ?? readInto(entry));
      // Not kept: read again next time (a refusal may be over, a large image is not held).
      if (entry.keptBytes === undefined) delete entry.result;
      return result;
    },

    get size() {
      return entries.size;
    },

    /** Bytes of images held in main, read ahead or already handed over. */
    get keptBytes() {
      return keptBytes;
    },
  };
}

export type ThumbnailStore = ReturnType<typeof createThumbnailStore>;

/** The HTTP answer both shells give for a thumbnail: the image, or JSON with the problem. */
export function thumbnailHttpAnswer(result: ThumbnailResult): {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
} {
  const common = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
  };
  if (result.ok) {
    return {
      status: 200,
      headers: { ...common, 'Content-Type': result.contentType },
      body: result.body,
    };
  }
  const refusal: ThumbnailRefusal = { problem: result.problem };
  return {
    status: result.status,
    headers: { ...common, 'Content-Type': 'application/json; charset=utf-8' },
    body: new TextEncoder().encode(JSON.stringify(refusal)),
  };
}
