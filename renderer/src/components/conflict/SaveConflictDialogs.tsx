import type { SaveConflict } from '../../hooks/use-save-conflict';
import { ConflictDialog } from './ConflictDialog';
import { DatasetGoneDialog } from './DatasetGoneDialog';

/** The dialog a save's 412 or 404 calls for, if any. */
export function SaveConflictDialogs({ conflict }: { conflict: SaveConflict }) {
  const { state } = conflict;
  if (state.kind === 'conflict') {
    return (
      <ConflictDialog
        state={state}
        onChoose={conflict.choose}
        onSaveMerged={conflict.saveMerged}
        onOverwrite={conflict.overwrite}
        onReload={conflict.reload}
        onKeepEditing={conflict.keepEditing}
      />
    );
  }
  if (state.kind === 'gone') {
    return (
      <DatasetGoneDialog
        state={state}
        onRegisterAgain={conflict.registerAgain}
        onReload={conflict.reload}
        onKeepEditing={conflict.keepEditing}
      />
    );
  }
  return null;
}
