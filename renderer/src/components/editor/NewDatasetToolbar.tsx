import { Button } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { SaveDiscardButtons } from './SaveDiscardButtons';
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
 * they stay focusable (see SaveDiscardButtons).
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
      <SaveDiscardButtons
        dirty={dirty}
        valid={valid}
        saving={saving}
        busy={saving}
        onSave={onSave}
        onDiscard={onDiscard}
      />
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
