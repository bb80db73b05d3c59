import type { DatasetFields } from '../../../shared/contract/dataset';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { AppError } from '../../../shared/ipc/errors';
import { carryChoices } from '../../../shared/merge/carry-choices';
import type { MergeFieldId } from '../../../shared/merge/field-ids';
import { merge3 } from '../../../shared/merge/merge3';
import type { MergeChoices, MergeOutcome, MergeSide } from '../../../shared/merge/merge-types';
import { isMergeSide, resolveMerge } from '../../../shared/merge/resolve-merge';
import { fieldsFromForm } from '../forms/dataset-form';
import type { DatasetFormValues } from '../forms/dataset-form';
import { changesOver, mergeFieldsOfDataset, mergeFieldsOfForm } from './dataset-merge-fields';
import type { MergeAuth } from './merge-auth';

/** What the user asked the dialog to do; while it runs the dialog is busy with it. */
export type ConflictCommand = 'saveMerged' | 'overwrite' | 'register';

interface Mine {
  /** The dataset the edits were made on: the merge's base, the same in every round. */
  base: RedactedDataset;
  /** The form as it was when the dialog opened; a modal dialog keeps it so. */
  values: DatasetFormValues;
  /** The form's empty SAS token box stands for the token main keeps with the draft. */
  usesKeptSasToken: boolean;
  /** Why the save did not happen: said again in the editor after Keep editing. */
  cause: AppError;
  busy: ConflictCommand | null;
  /** A failure of the last command, shown in the dialog. */
  error: AppError | null;
}

export interface ConflictOpen extends Mine {
  kind: 'conflict';
  theirs: RedactedDataset;
  outcome: MergeOutcome<MergeAuth>;
  choices: MergeChoices;
  /** How often theirs was read in this dialog: more than once means it changed again. */
  round: number;
  /** Picks of the last round that no longer apply, because their field changed again. */
  droppedChoices: number;
}

/** The dataset is no longer on the service: the edits can only register it again. */
export interface ConflictGone extends Mine {
  kind: 'gone';
}

export type ConflictState = { kind: 'closed' } | ConflictOpen | ConflictGone;

/** The edits a save failed to write: the form, and the version it was loaded from. */
export interface UnsavedEdits {
  base: RedactedDataset;
  values: DatasetFormValues;
  usesKeptSasToken?: boolean;
}

export type ConflictEvent =
  /** A save answered 412 and the dataset was read again. */
  | { type: 'theirsRead'; edits: UnsavedEdits; theirs: RedactedDataset; cause: AppError }
  /** A save or the read after it answered 404. */
  | { type: 'gone'; edits: UnsavedEdits; cause: AppError }
  | { type: 'choose'; field: MergeFieldId; side: MergeSide }
  | { type: 'started'; command: ConflictCommand }
  | { type: 'failed'; error: AppError }
  | { type: 'closed' };

export const CONFLICT_CLOSED: ConflictState = { kind: 'closed' };

function opened(state: ConflictState, event: Extract<ConflictEvent, { type: 'theirsRead' }>) {
  const { theirs, cause } = event;
  const { base, values } = event.edits;
  const usesKeptSasToken = event.edits.usesKeptSasToken === true;
  const outcome = merge3(
    mergeFieldsOfDataset(base),
    mergeFieldsOfForm(values, base, usesKeptSasToken),
    mergeFieldsOfDataset(theirs),
  );
  // Another 412 while the dialog is open: the same edits on the same base, a newer theirs.
  const again = state.kind === 'conflict' && state.base.eTag === base.eTag;
  const choices = again ? carryChoices(state.choices, state.outcome, outcome) : {};
  const picked = again ? Object.values(state.choices).filter(isMergeSide).length : 0;
  const next: ConflictOpen = {
    kind: 'conflict',
    base,
    values,
    usesKeptSasToken,
    cause,
    theirs,
    outcome,
    choices,
    round: again ? state.round + 1 : 1,
    droppedChoices: picked - Object.keys(choices).length,
    busy: null,
    error: null,
  };
  return next;
}

export function conflictReducer(state: ConflictState, event: ConflictEvent): ConflictState {
  switch (event.type) {
    case 'theirsRead':
      return opened(state, event);
    case 'gone': {
      const { base, values } = event.edits;
      const usesKeptSasToken = event.edits.usesKeptSasToken === true;
      return {
        kind: 'gone',
        base,
        values,
        usesKeptSasToken,
        cause: event.cause,
        busy: null,
        error: null,
      };
    }
    case 'choose':
      if (state.kind !== 'conflict' || state.busy) return state;
      if (!state.outcome.conflicts.includes(event.field)) return state;
      return { ...state, choices: { ...state.choices, [event.field]: event.side }, error: null };
    case 'started':
      return state.kind === 'closed' ? state : { ...state, busy: event.command, error: null };
    case 'failed':
      return state.kind === 'closed' ? state : { ...state, busy: null, error: event.error };
    case 'closed':
      return CONFLICT_CLOSED;
  }
}

/** Conflicts still without a pick, in row order. */
export function unchosenConflicts(state: ConflictOpen): MergeFieldId[] {
  return state.outcome.conflicts.filter((field) => !isMergeSide(state.choices[field]));
}

/**
 * What Save merged sends over theirs: the merged fields where they differ from theirs, or
 * null while a conflict has no pick.
 */
export function mergedChanges(state: ConflictOpen): DatasetChanges | null {
  const resolved = resolveMerge(state.outcome, state.choices);
  if (!resolved.ok) return null;
  return changesOver(state.theirs, resolved.fields, state.values.sasToken);
}

/** What Overwrite with mine sends over theirs: the form's values wherever theirs differ. */
export function overwriteChanges(state: ConflictOpen): DatasetChanges {
  return changesOver(state.theirs, state.outcome.mine, state.values.sasToken);
}

/** SAS with no token in `changes`: the token kept with the draft, which main fills in. */
export function sendsKeptSasToken(changes: DatasetChanges): boolean {
  return changes.authentication?.kind === 'sas' && changes.authentication.sasToken === undefined;
}

/**
 * A form that keeps the saved SAS token cannot register the dataset again: the token went
 * with the deleted dataset, and the page never held it.
 */
export function needsTokenToRegister(state: ConflictGone): boolean {
  const { authKind, sasToken } = state.values;
  return authKind === 'sas' && sasToken === '' && !state.usesKeptSasToken;
}

/** What Register again sends: the whole dataset as the form describes it. */
export function registerFields(state: ConflictGone): DatasetFields {
  return fieldsFromForm(state.values);
}
