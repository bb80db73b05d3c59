import { z } from 'zod';
import type { CocoReport } from '../coco/report';
import type { ImagePreview } from './image-preview';

/**
 * The shapes of the storage channels (`storage:browse`, `checks:*`): how the page asks main to
 * read annotation files with a dataset's access, and what comes back. Nothing that comes back
 * holds a SAS token or a signed URL: every URL is given without its query string.
 */

const MAX_TOKEN = 4096;
const TypedSasTokenSchema = z
  .string()
  .trim()
  .min(1, 'Type the SAS token.')
  .max(MAX_TOKEN, 'The SAS token is too long; paste the query string only.');

/**
 * The access to read with, as the editor's form has it. A token the user typed comes from the
 * page (it has it already); a saved token or one kept with a draft is looked up in main.
 */
export const StorageAccessSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.literal('sas'),
      /** `typed`: sasToken holds it. `saved`: the dataset's token on the service. `draft`: the one kept with the draft. */
      source: z.enum(['typed', 'saved', 'draft']),
      sasToken: TypedSasTokenSchema.optional(),
    })
    .strict()
    .refine((a) => (a.source === 'typed') === (a.sasToken !== undefined), {
      message: 'A typed SAS token is given with source "typed", and only then.',
      path: ['sasToken'],
    }),
  z
    .object({
      kind: z.literal('managedIdentity'),
      /** The service reads with its own identity; the app can read only with a SAS typed for the check. */
      checkSasToken: TypedSasTokenSchema.optional(),
    })
    .strict(),
]);
export type StorageAccess = z.infer<typeof StorageAccessSchema>;

/** The dataset the access belongs to: a saved one's token is fetched for it. */
export const AccessOwnerSchema = z
  .object({
    connectionId: z.string().min(1).max(100),
    /** Null for a dataset not registered yet. */
    datasetName: z.string().min(1).max(255).nullable(),
  })
  .strict();

export const BrowseRequestSchema = AccessOwnerSchema.extend({
  /** A blob's URI (its container is listed) or a container's URL, as typed: no query string. */
  location: z.string().trim().min(1, 'Type the address of a container or a file.').max(2048),
  /** The folder to list, `a/b/`; absent: the folder of the blob, or the container's top. */
  prefix: z.string().max(1024).optional(),
  access: StorageAccessSchema,
}).strict();

export interface BrowseEntry {
  /** The blob's path in the container, `coco/train.json`. */
  path: string;
  size: number;
  lastModified: string;
  /** Its full URI without any query string: what `Add selected` puts in a URI row. */
  uri: string;
  isJson: boolean;
}

export interface BrowseListing {
  /** The container's URL, without a query string. */
  containerUrl: string;
  prefix: string;
  /** Sub-folders of prefix, each ending in `/`. */
  folders: string[];
  blobs: BrowseEntry[];
  /** More than the listing limit (5,000) were there; narrow the folder. */
  truncated: boolean;
}

export const CheckStartSchema = AccessOwnerSchema.extend({
  kind: z.enum(['imageClassification', 'imageObjectDetection']),
  purpose: z.enum(['training', 'evaluation']),
  uris: z
    .array(z.string().trim().min(1).max(2048))
    .min(1, 'Add an annotation file URI to check.')
    .max(10),
  access: StorageAccessSchema,
  /** `sample`: 50 images at random plus the first and the last of each file; `all`: every image. */
  images: z.enum(['sample', 'all']),
}).strict();

export type StorageErrorCode =
  | 'sasExpired'
  | 'sasNotYetValid'
  | 'signatureMismatch'
  | 'noReadPermission'
  | 'noListPermission'
  | 'containerNotFound'
  | 'blobNotFound'
  | 'publicAccessDenied'
  | 'managedIdentityNeedsSas'
  | 'notBlobUrl'
  | 'network'
  | 'tooLarge'
  | 'other';

/** A storage failure, in words that say what to do; `status` and `serviceCode` as Storage sent them. */
export interface StorageProblem {
  code: StorageErrorCode;
  message: string;
  status?: number;
  serviceCode?: string;
}

export interface UnreachableImage {
  /** `images[7]`. */
  location: string;
  fileName: string;
  /** Without any query string. */
  url: string;
  problem: StorageProblem;
}

export interface ImagesReachability {
  /** How many images were read (HEAD or a ranged GET). */
  checked: number;
  /** How many are to be read in all. */
  toCheck: number;
  unreachableTotal: number;
  /** The first 100 that could not be read. */
  unreachable: UnreachableImage[];
  /** Whether every image was read, or a sample. */
  scope: 'sample' | 'all';
}

export type FileCheckState = 'waiting' | 'reading' | 'images' | 'done' | 'failed' | 'cancelled';

export interface FileCheck {
  /** The URI as checked, without any query string. */
  uri: string;
  /** The blob's name, for the heading: `train.json`. */
  name: string;
  state: FileCheckState;
  bytesRead: number;
  /** From the blob's Content-Length, when known. */
  bytesTotal?: number;
  /** The file could not be read at all. */
  problem?: StorageProblem;
  report?: CocoReport;
  images?: ImagesReachability;
  /** Sampled images to show, with their annotations; their bytes are read by thumbnailId. */
  previews?: ImagePreview[];
}

export type CheckState = 'running' | 'done' | 'cancelled';

export interface CheckProgress {
  checkId: string;
  state: CheckState;
  purpose: 'training' | 'evaluation';
  files: FileCheck[];
  /** 0 to 1 over the whole check (files read, then images), for a progress bar. */
  fraction: number;
  /** A note for the whole check, e.g. that a managed identity needs a SAS typed for the check. */
  notice?: string;
}

export const CheckRefSchema = z.object({ checkId: z.string().min(1).max(100) }).strict();
