import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { needsTokenToRegister } from '../../conflict/conflict-state';
import type { ConflictGone } from '../../conflict/conflict-state';
import { ErrorAlert } from '../common/ErrorAlert';
import { useReturnFocus } from '../../hooks/use-return-focus';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
});

export interface DatasetGoneDialogProps {
  state: ConflictGone;
  onRegisterAgain: () => void;
  onReload: () => void;
  onKeepEditing: () => void;
}

/** The save found no dataset (404): someone deleted it. The edits can register it again. */
export function DatasetGoneDialogView({
  state,
  onRegisterAgain,
  onReload,
  onKeepEditing,
}: DatasetGoneDialogProps) {
  const styles = useStyles();
  useReturnFocus();
  const { name } = state.base;
  const busy = state.busy !== null;
  const needsToken = needsTokenToRegister(state);
  // 409: someone registered the name again meanwhile; theirs is there to reload.
  const taken = state.error?.kind === 'alreadyExists';
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) onKeepEditing();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>“{name}” was deleted</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.text}>
              Someone deleted this dataset from the service while you were editing it, so your
              changes were not saved. Your edits are still in the form: Register again creates “
              {name}” with them.
            </p>
            {needsToken ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  Your form keeps the saved SAS token, and it went with the deleted dataset. Keep
                  editing, type the token into SAS token, then save again.
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {state.error ? (
              <ErrorAlert
                error={state.error}
                title={taken ? 'Not registered: the name is taken again' : 'Not registered'}
                advice={
                  taken
                    ? `Someone registered a new “${name}” after it was deleted. Reload opens theirs and drops your edits.`
                    : undefined
                }
              />
            ) : null}
          </DialogContent>
          <DialogActions>
            {taken ? (
              <Button disabled={busy} icon={<ArrowClockwiseRegular />} onClick={onReload}>
                Reload
              </Button>
            ) : null}
            <Button disabled={busy} onClick={onKeepEditing}>
              Keep editing
            </Button>
            <Button
              appearance="primary"
              disabled={busy || needsToken}
              icon={busy ? <Spinner size="tiny" /> : <ArrowUploadRegular />}
              onClick={onRegisterAgain}
            >
              {busy ? 'Registering…' : 'Register again'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
