import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { HistorySource, HistoryVersion } from '../../../shared/history/history-contract';

/** How much history is kept: the oldest versions go first once either bound is passed. */
export interface HistoryBounds {
  versionsPerDataset: number;
  totalBytes: number;
}

export const DEFAULT_HISTORY_BOUNDS: HistoryBounds = {
  versionsPerDataset: 200,
  totalBytes: 50 * 1024 * 1024,
};

export interface HistorySighting {
  connectionId: string;
  source: HistorySource;
  /** Already redacted: the store never holds a SAS token, only its fingerprint. */
  dataset: RedactedDataset;
}

/** Every version of every dataset the app has seen, per connection, newest first. */
export interface HistoryStore {
  /** False when history lasts only until the app quits (no database could be opened). */
  readonly persistent: boolean;
  record(sighting: HistorySighting): void;
  list(connectionId: string, name: string): HistoryVersion[];
  close(): void;
}

/**
 * A version seen again (same eTag, same content) is the same version, not a new one. Content
 * compares with keys sorted: a GET and a PATCH answer may list the same fields in another order.
 */
export function isRepeat(
  sighting: HistorySighting,
  latestWithETag: { json: string } | undefined,
): boolean {
  if (sighting.source === 'beforeDelete' || !latestWithETag) return false;
  const before = JSON.parse(latestWithETag.json) as unknown;
  return JSON.stringify(sortedKeys(before)) === JSON.stringify(sortedKeys(sighting.dataset));
}

/** The stored text of a version: as the service sent it, field order kept for the form. */
export const serialize = (dataset: RedactedDataset): string => JSON.stringify(dataset);

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortedKeys(v)]),
  );
}

/** The fallback when no database opens: the same rules, in memory. */
export function createMemoryHistoryStore(
  bounds: HistoryBounds = DEFAULT_HISTORY_BOUNDS,
  now: () => Date = () => new Date(),
): HistoryStore {
  interface Row {
    id: number;
    connectionId: string;
    name: string;
    seenAt: string;
    source: HistorySource;
    eTag: string | undefined;
    json: string;
    size: number;
  }
  let rows: Row[] = [];
  let nextId = 1;
  const of = (connectionId: string, name: string) =>
    rows.filter((r) => r.connectionId === connectionId && r.name === name);

  return {
    persistent: false,
    record(sighting) {
      const { connectionId, dataset } = sighting;
      const json = serialize(dataset);
      const sameETag = of(connectionId, dataset.name)
        .filter((r) => r.eTag === dataset.eTag)
        .at(-1);
      if (isRepeat(sighting, sameETag)) return;
      rows.push({
        id: nextId++,
        connectionId,
        name: dataset.name,
        seenAt: now().toISOString(),
        source: sighting.source,
        eTag: dataset.eTag,
        json,
        size: Buffer.byteLength(json),
      });
      const kept = new Set(
        of(connectionId, dataset.name)
          .slice(-bounds.versionsPerDataset)
          .map((r) => r.id),
      );
      rows = rows.filter(
        (r) => kept.has(r.id) || r.connectionId !== connectionId || r.name !== dataset.name,
      );
      let total = rows.reduce((sum, r) => sum + r.size, 0);
      while (total > bounds.totalBytes && rows.length > 0) total -= rows.shift()?.size ?? 0;
    },
    list: (connectionId, name) =>
      of(connectionId, name)
        .reverse()
        .map((r) => ({
          versionId: String(r.id),
          seenAt: r.seenAt,
          source: r.source,
          ...(r.eTag !== undefined && { eTag: r.eTag }),
          dataset: JSON.parse(r.json) as RedactedDataset,
        })),
    close: () => {
      rows = [];
    },
  };
}
