import { Button, Spinner } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { isBusy } from '../../editor/editor-state';
import type { EditorState } from '../../editor/editor-state';
import { SaveDiscardButtons } from './SaveDiscardButtons';
import { useEditorStyles } from './editor-styles';

interface ExistingDatasetToolbarProps {
  state: EditorState;
  dirty: boolean;
  valid: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onReload: () => void;
  onDelete: () => void;
  /** `Copy as curl` of the request Save would send (features/activity). */
  copyAsCurl?: ReactNode;
}

/**
 * The command bar of a saved dataset: Save, Discard changes, Reload, Delete dataset.
 *
 * While a save or reload runs the buttons are off but stay focusable (aria-disabled): see
 * SaveDiscardButtons for why.
 */
export function ExistingDatasetToolbar({
  state,
  dirty,
  valid,
  onSave,
  onDiscard,
  onReload,
  onDelete,
  copyAsCurl,
}: ExistingDatasetToolbarProps) {
  const styles = useEditorStyles();
  const busy = isBusy(state);
  const saving = state.step.kind === 'saving';
  const reloading = state.step.kind === 'reloading';
  return (
    <>
      <SaveDiscardButtons
        dirty={dirty}
        valid={valid}
        saving={saving}
        busy={busy}
        onSave={onSave}
        onDiscard={onDiscard}
      />
      <Button
        icon={reloading ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
        disabledFocusable={busy}
        onClick={onReload}
      >
        Reload
      </Button>
      {copyAsCurl}
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
