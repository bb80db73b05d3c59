import type { DatasetCheckResult } from '../../../shared/storage/check-all-contract';
import { parseBlobUrl } from './blob-url';
import { signFor } from './storage-access';
import type { ResolvedAccess } from './storage-access';

/**
 * The results of `Check all datasets`, kept in main's memory (never on disk) so a second run
 * reads again only what changed. A result is tied to the dataset's eTag (any change to the
 * dataset: its files, kind, token) and to each annotation file's ETag as Blob Storage sent it.
 * It holds names, URLs without a query string, ETags and counts: no token.
 */

export interface CachedFile {
  /** The file's URL without its query string. */
  url: string;
  etag: string;
}

export interface CachedCheck {
  datasetETag: string;
  purpose: 'training' | 'evaluation';
  files: CachedFile[];
  result: DatasetCheckResult;
}

/** Enough for the largest connection anyone lists; the oldest results go first past it. */
export const MAX_CACHED_DATASETS = 20_000;

export interface CheckAllCache {
  get(connectionId: string, datasetName: string): CachedCheck | undefined;
  set(connectionId: string, datasetName: string, entry: CachedCheck): void;
  delete(connectionId: string, datasetName: string): void;
  readonly size: number;
}

export function createCheckAllCache(maxEntries = MAX_CACHED_DATASETS): CheckAllCache {
  const entries = new Map<string, CachedCheck>();
  // A name holds no NUL, so the pair cannot collide with another.
  const keyOf = (connectionId: string, name: string) => `${connectionId}\u0000${name}`;
  return {
    get: (connectionId, name) => entries.get(keyOf(connectionId, name)),
    set(connectionId, name, entry) {
      const key = keyOf(connectionId, name);
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    delete: (connectionId, name) => void entries.delete(keyOf(connectionId, name)),
    get size() {
      return entries.size;
    },
  };
}

/**
 * Whether every file still has the ETag it had when checked: one conditional HEAD per file
 * (If-None-Match), so nothing but headers is read. Any doubt (a refusal, a network failure)
 * answers false, and the dataset is checked again, which then says what went wrong.
 */
export async function filesUnchanged(
  files: readonly CachedFile[],
  access: ResolvedAccess,
  fetchFn: typeof fetch,
  signal: AbortSignal,
): Promise<boolean> {
  const answers = await Promise.all(
    files.map(async (file) => {
      const parsed = parseBlobUrl(file.url);
      if (!parsed.ok) return false;
      const request = signFor(parsed.value, parsed.value, access);
      try {
        const response = await fetchFn(request.url, {
          method: 'HEAD',
          headers: { 'If-None-Match': file.etag },
          signal,
        });
        // A server that ignores the condition still tells the ETag it has now.
        return (
          response.status === 304 || (response.ok && response.headers.get('etag') === file.etag)
        );
      } catch {
        return false;
      }
    }),
  );
  return answers.every(Boolean);
}
