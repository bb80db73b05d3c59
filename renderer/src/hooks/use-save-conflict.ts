import { useQueryClient } from '@tanstack/react-query';
import { useReducer } from 'react';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { AppError } from '../../../shared/ipc/errors';
import type { MergeFieldId } from '../../../shared/merge/field-ids';
import type { MergeSide } from '../../../shared/merge/merge-types';
import { toAppError } from '../api/app-error';
import {
  CONFLICT_CLOSED,
  conflictReducer,
  mergedChanges,
  overwriteChanges,
  registerFields,
  sendsKeptSasToken,
} from '../conflict/conflict-state';
import type { ConflictOpen, UnsavedEdits } from '../conflict/conflict-state';
import { hasChanges } from '../forms/dataset-form';
import { forgetGoneDataset } from '../query/dataset-gone';
import type { SaveOutcome, SaveRequest } from './use-dataset-save';
import { useRegisterDataset } from './use-register-dataset';

interface SaveConflictOptions {
  connectionId: string;
  /** The editor's save path: the dialog's writes go the same way. */
  save: (request: SaveRequest) => Promise<SaveOutcome>;
  /** Saved merged, overwritten or registered again: the dataset as the service now holds it. */
  onSaved: (dataset: RedactedDataset) => void;
  /** Take theirs and drop the edits. */
  onReload: () => void;
  /** The dialog closed with the edits kept; `cause` says why nothing was saved. */
  onKeepEditing: (cause: AppError) => void;
}

export type SaveConflict = ReturnType<typeof useSaveConflict>;

/**
 * What follows a save that met a newer version (412) or none at all (404): the conflict
 * dialog's state and commands. The state itself is a pure reducer (conflict/conflict-state).
 */
export function useSaveConflict({
  connectionId,
  save,
  onSaved,
  onReload,
  onKeepEditing,
}: SaveConflictOptions) {
  const [state, dispatch] = useReducer(conflictReducer, CONFLICT_CLOSED);
  const register = useRegisterDataset(connectionId);
  const queryClient = useQueryClient();

  /** Takes over a save's 412 or 404; returns whether it did. */
  const takeOver = (
    outcome: SaveOutcome,
    edits: UnsavedEdits,
  ): outcome is Extract<SaveOutcome, { kind: 'conflict' | 'gone' }> => {
    if (outcome.kind === 'conflict') {
      dispatch({ type: 'theirsRead', edits, theirs: outcome.theirs, cause: outcome.error });
      return true;
    }
    if (outcome.kind === 'gone') {
      // The list stops showing it now; Register again puts it back.
      forgetGoneDataset(queryClient, connectionId, edits.base.name);
      dispatch({ type: 'gone', edits, cause: outcome.error });
      return true;
    }
    return false;
  };

  const write = async (
    open: ConflictOpen,
    command: 'saveMerged' | 'overwrite',
    changes: DatasetChanges,
  ) => {
    if (!hasChanges(changes)) {
      // Theirs already holds every chosen value: there is nothing to write.
      dispatch({ type: 'closed' });
      onSaved(open.theirs);
      return;
    }
    dispatch({ type: 'started', command });
    // If-Match is theirs' eTag, never `*`: a third writer meanwhile is caught again.
    const outcome = await save({
      base: open.theirs,
      changes,
      useDraftSasToken: sendsKeptSasToken(changes),
    });
    if (outcome.kind === 'saved') {
      dispatch({ type: 'closed' });
      onSaved(outcome.dataset);
    } else if (!takeOver(outcome, open)) {
      dispatch({ type: 'failed', error: outcome.error });
    }
  };

  const saveMerged = () => {
    if (state.kind !== 'conflict' || state.busy) return;
    const changes = mergedChanges(state);
    if (changes) void write(state, 'saveMerged', changes);
  };

  const overwrite = () => {
    if (state.kind !== 'conflict' || state.busy) return;
    void write(state, 'overwrite', overwriteChanges(state));
  };

  const registerAgain = async () => {
    if (state.kind !== 'gone' || state.busy) return;
    dispatch({ type: 'started', command: 'register' });
    try {
      const dataset = await register.mutateAsync({
        name: state.base.name,
        fields: registerFields(state),
        useDraftSasToken: state.usesKeptSasToken,
      });
      dispatch({ type: 'closed' });
      onSaved(dataset);
    } catch (error) {
      dispatch({ type: 'failed', error: toAppError(error) });
    }
  };

  const close = (then: (cause: AppError) => void) => {
    if (state.kind === 'closed' || state.busy) return;
    dispatch({ type: 'closed' });
    then(state.cause);
  };

  return {
    state,
    isOpen: state.kind !== 'closed',
    takeOver,
    choose: (field: MergeFieldId, side: MergeSide) => dispatch({ type: 'choose', field, side }),
    saveMerged,
    overwrite,
    registerAgain: () => void registerAgain(),
    reload: () => close(onReload),
    keepEditing: () => close(onKeepEditing),
  };
}
