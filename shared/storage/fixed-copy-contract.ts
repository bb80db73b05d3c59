import { z } from 'zod';
import type { FixSummary } from '../coco/fixed-copy';
import { AccessOwnerSchema, StorageAccessSchema } from './check-contract';

/**
 * The shapes of the `fixes:*` channels: main reads an annotation file with the dataset's access,
 * makes a fixed copy (shared/coco/fixed-copy.ts) and keeps it for a while; the page shows what
 * changed, then has it uploaded beside the original or saved to disk. No token or signed URL
 * comes back: every URI is given without its query string.
 */

export const FixPrepareSchema = AccessOwnerSchema.extend({
  access: StorageAccessSchema,
  /** The annotation file, as the check had it (no query string needed). */
  uri: z.string().trim().min(1, 'Give the annotation file’s URI.').max(2048),
  kind: z.enum(['imageClassification', 'imageObjectDetection']),
  /** The images' folder: a missing or relative coco_url becomes this + file_name. */
  cocoUrlBase: z.string().max(2048).optional(),
}).strict();

export const FixRefSchema = z.object({ fixId: z.string().min(1).max(100) }).strict();

export interface FixPrepared {
  fixId: string;
  summary: FixSummary;
  /** The original's name: `train.json`. */
  fileName: string;
  /** `train.fixed.json`, or `train.fixed-2.json` when that one exists already. */
  fixedName: string;
  /** Beside the original, without a query string. */
  fixedUri: string;
  /** The fixed file's size in bytes. */
  bytes: number;
  /** The access can write a new blob (SAS `c` or `w`). */
  canUpload: boolean;
  /** Why it cannot, in words that say what to do. */
  uploadBlockedReason?: string;
}

export interface FixUploaded {
  /** The new blob's URI, without a query string: what `Use this URI in the form` puts in a row. */
  uri: string;
}

export interface FixDownload {
  fileName: string;
  /** The fixed file's JSON text. */
  text: string;
}
