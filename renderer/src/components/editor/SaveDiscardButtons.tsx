import { Button, Spinner } from '@fluentui/react-components';
import { ArrowUndoRegular, SaveRegular } from '@fluentui/react-icons';

interface SaveDiscardButtonsProps {
  dirty: boolean;
  valid: boolean;
  /** A save runs: Save shows it. */
  saving: boolean;
  /** A save or any other command runs: both are off. */
  busy: boolean;
  onSave: () => void;
  onDiscard: () => void;
}

/**
 * Save and Discard changes, the start of both editors' command bars.
 *
 * While a command runs they are off but stay focusable (aria-disabled), and Save always does: a
 * button that turns `disabled` under the keyboard drops focus to the page's body, after a save
 * that worked as after one that opened a dialog (a conflict), which would then have no control
 * to give focus back to.
 */
export function SaveDiscardButtons({
  dirty,
  valid,
  saving,
  busy,
  onSave,
  onDiscard,
}: SaveDiscardButtonsProps) {
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
    </>
  );
}
