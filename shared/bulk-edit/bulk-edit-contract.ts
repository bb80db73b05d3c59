import { z } from 'zod';
import { SasTokenSchema } from '../contract/dataset';
import { AppAnnotationFileUriSchema, propertyNameProblem } from '../contract/input-rules';
import { RedactedDatasetSchema } from '../contract/redacted-dataset';

/**
 * The shapes of `bulk:*`: one edit applied to several datasets, a PATCH per dataset with its
 * own If-Match, a few at a time, while the page polls the progress. The SAS token of a new
 * storage authentication is in the start request only; main keeps it for `Retry failed`, and
 * no answer ever holds it.
 */

export const MAX_BULK_DATASETS = 1_000;

const PropertyNameSchema = z
  .string({ error: 'Enter a property name.' })
  .max(256, 'A property name must be at most 256 characters.')
  .superRefine((name, ctx) => {
    const problem =
      propertyNameProblem(name) ??
      (name.trim() !== name ? 'Remove the spaces around the property name.' : undefined);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const BulkAuthenticationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('managedIdentity') }).strict(),
  z.object({ kind: z.literal('sas'), sasToken: SasTokenSchema }).strict(),
]);

export const BulkOperationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('setProperty'),
      name: PropertyNameSchema,
      value: z.string({ error: 'A property value must be text.' }).max(4096),
    })
    .strict(),
  z.object({ kind: z.literal('removeProperty'), name: PropertyNameSchema }).strict(),
  z
    .object({ kind: z.literal('setAuthentication'), authentication: BulkAuthenticationSchema })
    .strict(),
  z.object({ kind: z.literal('addUri'), uri: AppAnnotationFileUriSchema }).strict(),
  z
    .object({ kind: z.literal('removeUri'), uri: z.string().min(1, 'Enter the URI to remove.') })
    .strict(),
]);

const TargetSchema = z
  .object({
    name: z.string().min(1).max(255),
    /** The dataset as the list showed it: the base of the edit and of any merge. */
    base: RedactedDatasetSchema,
  })
  .strict()
  .refine((t) => t.base.name === t.name, { message: 'A base must be the named dataset.' });

export const BulkStartSchema = z.union([
  z
    .object({
      connectionId: z.string().min(1).max(100),
      operation: BulkOperationSchema,
      datasets: z
        .array(TargetSchema)
        .min(1, 'Select at least one dataset.')
        .max(MAX_BULK_DATASETS, `At most ${MAX_BULK_DATASETS} datasets at once.`),
    })
    .strict(),
  z
    .object({
      /** Runs the failed rows of this run again, each from the dataset as it is now. */
      retryFailedOf: z.string().min(1).max(100),
    })
    .strict(),
]);

export const BulkRefSchema = z.object({ runId: z.string().min(1).max(100) }).strict();

export type BulkAuthentication = z.infer<typeof BulkAuthenticationSchema>;
export type BulkOperation = z.infer<typeof BulkOperationSchema>;
export type BulkStartRequest = z.infer<typeof BulkStartSchema>;

export type BulkOutcome =
  | 'waiting'
  | 'saving'
  /** Saved as listed: nobody had changed it. */
  | 'saved'
  /** Someone changed it meanwhile; the two were merged without conflict and saved. */
  | 'merged'
  /** It already was (or became) what the edit asks: nothing was sent. */
  | 'unchanged'
  /** Someone changed the same thing differently: nothing saved, for the user to review. */
  | 'conflict'
  | 'failed'
  /** Stopped before its PATCH was sent. */
  | 'stopped';

export interface BulkRow {
  name: string;
  outcome: BulkOutcome;
  /** What happened, in a sentence; never holds a token. */
  reason: string;
}

export interface BulkProgress {
  runId: string;
  state: 'running' | 'done' | 'stopped';
  total: number;
  finished: number;
  /** 0 to 1, for a progress bar. */
  fraction: number;
  rows: BulkRow[];
  /** Whether some rows failed and `Retry failed` can run them again. */
  canRetry: boolean;
}

export const OUTCOME_WORDS: Record<BulkOutcome, string> = {
  waiting: 'Waiting',
  saving: 'Saving…',
  saved: 'Saved',
  merged: 'Changed meanwhile, merged and saved',
  unchanged: 'Nothing to change',
  conflict: 'Conflict left for review',
  failed: 'Failed',
  stopped: 'Stopped',
};

export function isFinishedOutcome(outcome: BulkOutcome): boolean {
  return outcome !== 'waiting' && outcome !== 'saving';
}
