import { useRef } from 'react';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { toAppError } from '../api/app-error';
import { newerVersionStep } from '../editor/newer-version';
import { holdsBase } from '../editor/editor-state';
import type { EditorEvent } from '../editor/editor-state';
import { toFormValues } from '../forms/dataset-form';
import { showServiceProblems } from '../forms/service-problems';
import { useFetchDataset } from './use-dataset';
import { useDatasetReads } from './use-dataset-reads';
import { useDatasetSave } from './use-dataset-save';
import type { SaveOutcome } from './use-dataset-save';
import { useEditorState } from './use-editor-state';
import type { ExistingDatasetForm } from './use-existing-dataset-form';
import { useSaveConflict } from './use-save-conflict';
import { useSaveShortcut } from './use-save-shortcut';
import { useShortcut } from './use-shortcut';

interface DatasetEditorCommandsOptions {
  connectionId: string;
  editor: ExistingDatasetForm;
  /** The newest copy the cache holds. */
  latest: RedactedDataset;
  /** The base is the datasets list's row, not yet read from the service on its own. */
  baseIsListRow: boolean;
  justCreated: boolean;
}

/**
 * What the editor of a saved dataset does: Save, Reload, Discard, Delete and Review changes,
 * the conflict dialog that follows a refused save, and a colleague's version arriving. Each
 * begins with an event the editor state (editor/editor-state) must accept; the requests it
 * starts end with another.
 */
export function useDatasetEditorCommands({
  connectionId,
  editor,
  latest,
  baseIsListRow,
  justCreated,
}: DatasetEditorCommandsOptions) {
  const { base, dirty, snapshot, adopt } = editor;
  const { state, current, accepts, send } = useEditorState(justCreated);
  const saver = useDatasetSave(connectionId);
  const fetchDataset = useFetchDataset(connectionId, base.name);

  /** Reads the dataset and makes it the base, if `event` starts a reload now. */
  const reload = async (event: EditorEvent) => {
    if (!send(event) || current().step.kind !== 'reloading') return;
    const before = snapshot();
    try {
      adopt(await fetchDataset(), before);
      send({ type: 'reloaded' });
    } catch (error) {
      send({ type: 'reloadFailed', error: toAppError(error) });
    }
  };

  const conflict = useSaveConflict({
    connectionId,
    save: saver.save,
    onSaved: (dataset) => {
      // Edits typed since the dialog opened stay edits over what it saved.
      const { step } = current();
      const editsKept = adopt(dataset, step.kind === 'conflict' ? step.edits : snapshot());
      send({ type: 'saved', editsKept });
    },
    onReload: () => void reload({ type: 'reloadConfirmed' }),
    onKeepEditing: (cause) => send({ type: 'keptEditing', cause }),
  });

  /** Hands a 412 or 404 to the conflict dialog, with the form as it is now; whether it did. */
  const openConflict = (result: SaveOutcome): boolean => {
    const mine = snapshot();
    if (!conflict.takeOver(result, editor.editsOf(mine))) return false;
    send({ type: 'conflictOpened', edits: mine });
    return true;
  };

  const save = () => {
    if (!dirty || !accepts({ type: 'saveStarted' })) return;
    // What is sent is the form as the resolver approved it; typing may go on meanwhile.
    void editor.submit(async (sent) => {
      if (!send({ type: 'saveStarted' })) return;
      const result = await saver.save(editor.saveRequest(sent));
      if (result.kind === 'saved') {
        send({ type: 'saved', editsKept: adopt(result.dataset, sent) });
        return;
      }
      if (openConflict(result)) return;
      showServiceProblems(editor.form.setError, result.error);
      send({ type: 'saveFailed', error: result.error });
    });
  };
  useSaveShortcut(save);

  /** Review changes: the merge, before a save would meet the 412. */
  const review = () => {
    const mine = snapshot();
    if (!accepts({ type: 'reviewOpened', edits: mine })) return;
    conflict.takeOver(
      {
        kind: 'conflict',
        theirs: latest,
        error: {
          kind: 'conflict',
          message: `“${base.name}” changed on the service after you started editing it.`,
        },
      },
      editor.editsOf(mine),
    );
    send({ type: 'reviewOpened', edits: mine });
  };

  // A colleague's version arrives with a read (focus, the 30 s re-read). With nothing to
  // lose the form shows it at once and says so; with edits the banner offers the merge
  // (`newerVersion`). The list's row the editor opened with is replaced by the first read
  // without a word: that is opening, not news.
  const quietNextRead = useRef(baseIsListRow);
  useDatasetReads(connectionId, base.name, (read) => {
    const quietly = quietNextRead.current;
    quietNextRead.current = false;
    const busy = holdsBase(current());
    if (newerVersionStep({ base, latest: read, dirty, busy }) !== 'follow') return;
    adopt(read, toFormValues(base));
    if (!quietly) send({ type: 'serviceVersionShown' });
  });

  useShortcut('reload', () => void reload({ type: 'reloadAsked', dirty }));

  return {
    state,
    newerVersion: newerVersionStep({ base, latest, dirty, busy: holdsBase(state) }),
    conflict,
    save,
    discard: () => {
      if (send({ type: 'discarded' })) editor.discard();
    },
    /** The Reload button: asks first while there are edits. */
    reload: () => void reload({ type: 'reloadAsked', dirty }),
    /** Reload chosen over the edits, in the question or the delete dialog. */
    confirmReload: () => void reload({ type: 'reloadConfirmed' }),
    askDelete: () => void send({ type: 'deleteAsked' }),
    closeDialog: () => void send({ type: 'dialogClosed' }),
    review,
    dismissNotice: () => void send({ type: 'noticeDismissed' }),
  };
}
