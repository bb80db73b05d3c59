import { Button, Spinner } from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowUndoRegular,
  DeleteRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import { isBusy } from '../../editor/editor-state';
import type { EditorState } from '../../editor/editor-state';
import { useEditorStyles } from './editor-styles';

interface ExistingDatasetToolbarProps {
  state: EditorState;
  dirty: boolean;
  valid: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onReload: () => void;
  onDelete: () => void;
}

/**
 * The command bar of a saved dataset: Save, Discard changes, Reload, Delete dataset.
 *
 * While a save or reload runs the buttons are off but stay focusable (aria-disabled), and Save
 * always does: a button that turns `disabled` under the keyboard drops focus to the page's
 * body, after a save that worked as after one that opened a dialog (a conflict), which would
 * then have no control to give focus back to.
 */
export function ExistingDatasetToolbar({
  state,
  dirty,
  valid,
  onSave,
  onDiscard,
  onReload,
  onDelete,
}: ExistingDatasetToolbarProps) {
  const styles = useEditorStyles();
  const busy = isBusy(state);
  const saving = state.step.kind === 'saving';
  const reloading = state.step.kind === 'reloading';
  return (
    <>
      <Button
        appearance="primary"
        icon={saving ? <Spinner size="tiny" /> : <SaveRegular />}
        disabledFocusable={!dirty || !valid || busy}
        onClick={onSave}
      >
        {saving ? 'Saving…' : 'Save'}
      </Button>
      <Button
        icon={<ArrowUndoRegular />}
        disabled={!dirty}
        disabledFocusable={busy}
        onClick={onDiscard}
      >
        Discard changes
      </Button>
      <Button
        icon={reloading ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
        disabledFocusable={busy}
        onClick={onReload}
      >
        Reload
      </Button>
      <span className={styles.spacer} />
      <Button
        appearance="subtle"
        className={styles.danger}
        icon={<DeleteRegular />}
        disabledFocusable={busy}
        onClick={onDelete}
      >
        Delete dataset
      </Button>
    </>
  );
}
