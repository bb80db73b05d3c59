import { sameJsonValue } from '../../../shared/contract/dataset-diff';
import type {
  MergeChoices,
  MergeConflictReason,
  MergeRow,
} from '../../../shared/merge/merge-types';
import { isMergeSide } from '../../../shared/merge/resolve-merge';
import type { MergeAuth } from './merge-auth';

/** Where a row's result comes from. */
export type ResultSource = 'yours' | 'theirs' | 'both' | 'merged';

export type RowResult = { chosen: false } | { chosen: true; value: unknown; source: ResultSource };

/** The result a row shows now: the merge's for a settled field, the pick's for a conflict. */
export function rowResult(row: MergeRow<MergeAuth>, choices: MergeChoices): RowResult {
  if (row.conflict) {
    const side = choices[row.field];
    if (!isMergeSide(side)) return { chosen: false };
    return side === 'mine'
      ? { chosen: true, value: row.mine, source: 'yours' }
      : { chosen: true, value: row.theirs, source: 'theirs' };
  }
  const isMine = sameJsonValue(row.result, row.mine);
  const isTheirs = sameJsonValue(row.result, row.theirs);
  const source: ResultSource =
    isMine && isTheirs ? 'both' : isMine ? 'yours' : isTheirs ? 'theirs' : 'merged';
  return { chosen: true, value: row.result, source };
}

/** Said under a result. */
export const SOURCE_LABELS: Record<ResultSource, string> = {
  yours: 'From yours',
  theirs: 'From theirs',
  both: 'Same on both sides',
  merged: 'Merged from both',
};

/** Why a field needs a pick, in the user's words. */
export const REASON_LABELS: Record<MergeConflictReason, string> = {
  changedDifferently: 'Both of you changed it, differently.',
  replacedDifferently: 'Both of you replaced the same file, by different files.',
  tooManyUris: 'Together the lists hold more files than a dataset allows.',
  noUris: 'Together you removed every file; a dataset needs one.',
  tooManyProperties: 'Together there would be more properties than a dataset allows.',
};

/** Who changed a settled field, said under its name. */
export function changedBy(row: MergeRow<MergeAuth>): string {
  if (row.conflict) return REASON_LABELS[row.reason ?? 'changedDifferently'];
  const mineChanged = !sameJsonValue(row.mine, row.base);
  const theirsChanged = !sameJsonValue(row.theirs, row.base);
  if (mineChanged && theirsChanged) return 'Both of you changed it.';
  return mineChanged ? 'You changed it.' : 'They changed it.';
}
