import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { AppError } from '../../../shared/ipc/errors';
import { merge3 } from '../../../shared/merge/merge3';
import type { MergeRow } from '../../../shared/merge/merge-types';
import { mergeFieldsOfDataset } from './dataset-merge-fields';
import type { MergeAuth } from './merge-auth';

/** The delete confirmation: first the plain question, then, after a 412, the changed dataset. */
export type DeleteState =
  | { kind: 'confirm'; busy: boolean; error: AppError | null }
  | {
      kind: 'changed';
      theirs: RedactedDataset;
      /** What changed since the editor loaded it: base against theirs. */
      rows: MergeRow<MergeAuth>[];
      /** How often the delete met a newer version than the one shown. */
      round: number;
      busy: boolean;
      error: AppError | null;
    };

export type DeleteEvent =
  | { type: 'started' }
  | { type: 'failed'; error: AppError }
  /** A delete answered 412 and the dataset was read again. */
  | { type: 'theirsRead'; base: RedactedDataset; theirs: RedactedDataset };

export const DELETE_ASKED: DeleteState = { kind: 'confirm', busy: false, error: null };

/** The fields that differ between two versions, as merge rows with no edits of ours. */
export function changesSince(
  base: RedactedDataset,
  theirs: RedactedDataset,
): MergeRow<MergeAuth>[] {
  const loaded = mergeFieldsOfDataset(base);
  return merge3(loaded, loaded, mergeFieldsOfDataset(theirs)).rows;
}

export function deleteReducer(state: DeleteState, event: DeleteEvent): DeleteState {
  switch (event.type) {
    case 'started':
      return { ...state, busy: true, error: null };
    case 'failed':
      return { ...state, busy: false, error: event.error };
    case 'theirsRead':
      return {
        kind: 'changed',
        theirs: event.theirs,
        rows: changesSince(event.base, event.theirs),
        round: state.kind === 'changed' ? state.round + 1 : 1,
        busy: false,
        error: null,
      };
  }
}

/** The version a Delete click removes: the one the user has been shown last. */
export function deleteTarget(state: DeleteState, base: RedactedDataset): RedactedDataset {
  return state.kind === 'changed' ? state.theirs : base;
}
