import { Button, Spinner } from '@fluentui/react-components';
import { ArrowUndoRegular, DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { useEditorStyles } from './editor-styles';

interface NewDatasetToolbarProps {
  dirty: boolean;
  valid: boolean;
  /** Register runs. */
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

/**
 * The command bar of a new dataset: Save (registers it), Discard changes, Cancel. While saving
 * they stay focusable (see ExistingDatasetToolbar).
 */
export function NewDatasetToolbar({
  dirty,
  valid,
  saving,
  onSave,
  onDiscard,
  onCancel,
}: NewDatasetToolbarProps) {
  const styles = useEditorStyles();
  return (
    <>
      <Button
        appearance="primary"
        icon={saving ? <Spinner size="tiny" /> : <SaveRegular />}
        disabledFocusable={!dirty || !valid || saving}
        onClick={onSave}
      >
        {saving ? 'Saving…' : 'Save'}
      </Button>
      <Button
        icon={<ArrowUndoRegular />}
        disabled={!dirty}
        disabledFocusable={saving}
        onClick={onDiscard}
      >
        Discard changes
      </Button>
      <span className={styles.spacer} />
      <Button
        appearance="subtle"
        icon={<DismissRegular />}
        disabledFocusable={saving}
        onClick={onCancel}
      >
        Cancel
      </Button>
    </>
  );
}
