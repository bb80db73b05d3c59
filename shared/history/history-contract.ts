import { z } from 'zod';
import { DatasetNameSchema } from '../contract/dataset';
import type { RedactedDataset } from '../contract/redacted-dataset';

/**
 * Where a kept version came from: read from the service, written by a save of this app,
 * the service's copy at a conflict, or the copy a delete was about to remove.
 */
export const HISTORY_SOURCES = ['loaded', 'saved', 'theirs', 'beforeDelete'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/** One version of a dataset that the app has seen; the SAS token only as its fingerprint. */
export interface HistoryVersion {
  versionId: string;
  /** When the app first saw this version (ISO, UTC). */
  seenAt: string;
  source: HistorySource;
  eTag?: string;
  dataset: RedactedDataset;
}

export const HistoryListSchema = z
  .object({
    connectionId: z.string().min(1, 'A connection id is required.').max(100),
    name: DatasetNameSchema,
  })
  .strict();
