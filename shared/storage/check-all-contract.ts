import { z } from 'zod';

/**
 * The shapes of `checkAll:*`: checking every dataset of a connection with its saved access,
 * a few at a time, while the page polls the progress. Nothing here holds a SAS token or a
 * signed URL: each dataset's result is its counts and one sentence.
 */

export const CheckAllStartSchema = z
  .object({
    connectionId: z.string().min(1).max(100),
    /** Training by default: the dataset does not say, and training's limits are the usual ones. */
    purpose: z.enum(['training', 'evaluation']).optional(),
  })
  .strict();

export const CheckAllRefSchema = z.object({ runId: z.string().min(1).max(100) }).strict();

export type CheckAllOutcome =
  | 'waiting'
  | 'checking'
  | 'ok'
  | 'warnings'
  | 'errors'
  | 'unreachable'
  | 'cancelled'
  | 'notChecked';

export interface DatasetCheckResult {
  name: string;
  outcome: CheckAllOutcome;
  /** Over every annotation file of the dataset. */
  errorCount: number;
  warningCount: number;
  /** Sampled images that could not be read. */
  unreachableImages: number;
  /** What was found, or why nothing was, in one sentence. */
  summary: string;
  /** The files were unchanged since the last check (same ETags), so its result was kept. */
  fromCache: boolean;
}

export type CheckAllState = 'running' | 'done' | 'cancelled';

export interface CheckAllProgress {
  runId: string;
  state: CheckAllState;
  /** Datasets to check. */
  total: number;
  /** Datasets with a result (any outcome but waiting and checking). */
  finished: number;
  /** 0 to 1, for a progress bar. */
  fraction: number;
  /** In the service's order. */
  datasets: DatasetCheckResult[];
}

/** Whether an outcome is final: the dataset will not change within this run. */
export function isSettledOutcome(outcome: CheckAllOutcome): boolean {
  return outcome !== 'waiting' && outcome !== 'checking';
}
