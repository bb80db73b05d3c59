import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useReducer } from 'react';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import { toAppError } from '../../api/app-error';
import { useApi } from '../../api/api-context';
import { DELETE_ASKED, deleteReducer, deleteTarget } from '../../conflict/delete-state';
import { authOfDataset } from '../../conflict/merge-auth';
import { forgetDataset } from '../../hooks/dataset-cache';
import { readAgain } from '../../hooks/read-again';
import { useDeleteDataset } from '../../hooks/use-delete-dataset';
import { ConfirmDialogView } from '../common/ConfirmDialogView';
import { ErrorAlert } from '../common/ErrorAlert';
import { ChangesTable } from '../conflict/ChangesTable';
import { useReturnFocus } from '../../hooks/use-return-focus';

const useStyles = makeStyles({
  surface: { width: 'min(880px, calc(100vw - 48px))', maxWidth: 'none' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
});

export interface DeleteDatasetDialogProps {
  connection: ConnectionSummary;
  /** The dataset as the editor loaded it: the version the user asked to delete. */
  base: RedactedDataset;
  dirty: boolean;
  onCancel: () => void;
  onDeleted: (name: string) => void;
  onReload: () => void;
}

/**
 * Delete, asked first. A delete guarded by a stale eTag (412) deletes nothing: the dialog then
 * shows what changed and asks again about the newer version.
 */
export function DeleteDatasetDialogView({
  connection,
  base,
  dirty,
  onCancel,
  onDeleted,
  onReload,
}: DeleteDatasetDialogProps) {
  const styles = useStyles();
  useReturnFocus();
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useDeleteDataset(connection.id);
  const [state, dispatch] = useReducer(deleteReducer, DELETE_ASKED);

  // Someone else deleted it first (404 on the delete, or on the read after a 412): what the
  // user asked for is done, and the list stops showing it.
  const deletedByOthers = () => {
    forgetDataset(queryClient, connection.id, base.name);
    onDeleted(base.name);
  };

  const confirm = async () => {
    if (state.busy) return;
    dispatch({ type: 'started' });
    try {
      await remove.mutateAsync(deleteTarget(state, base));
      onDeleted(base.name);
      return;
    } catch (error) {
      const appError = toAppError(error);
      if (appError.kind === 'notFound') return deletedByOthers();
      if (appError.kind !== 'conflict') return dispatch({ type: 'failed', error: appError });
    }
    const theirs = await readAgain(api, connection.id, base.name);
    if (theirs.kind === 'found') {
      dispatch({ type: 'theirsRead', base, theirs: theirs.dataset });
    } else if (theirs.kind === 'gone') {
      deletedByOthers();
    } else {
      dispatch({ type: 'failed', error: theirs.error });
    }
  };

  const lost = dirty ? ' Your unsaved changes are lost too.' : '';
  if (state.kind === 'confirm') {
    return (
      <ConfirmDialogView
        open
        title="Delete dataset?"
        confirmLabel="Delete"
        busyLabel="Deleting…"
        busy={state.busy}
        error={state.error}
        destructive
        onCancel={onCancel}
        onConfirm={() => void confirm()}
      >
        <p>
          Delete “{base.name}” from {connection.name}? The service forgets the dataset; the
          annotation files in storage stay where they are.{lost}
        </p>
      </ConfirmDialogView>
    );
  }

  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open && !state.busy) onCancel();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>“{base.name}” changed: delete it anyway?</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.text}>
              Nothing was deleted: someone else saved this dataset after you opened it
              {state.round > 1 ? ', and again since you were last asked' : ''}.
              {state.rows.length > 0
                ? ' This is what changed. Delete removes the version shown under Now.'
                : ' No field differs; it was only saved again.'}
              {lost}
            </p>
            {state.rows.length > 0 ? (
              <ChangesTable rows={state.rows} loaded={authOfDataset(base)} />
            ) : null}
            {state.error ? <ErrorAlert error={state.error} title="Not deleted" /> : null}
          </DialogContent>
          <DialogActions position="start">
            <Button disabled={state.busy} icon={<ArrowClockwiseRegular />} onClick={onReload}>
              Reload
            </Button>
          </DialogActions>
          <DialogActions position="end">
            <Button disabled={state.busy} onClick={onCancel}>
              Cancel
            </Button>
            <Button
              appearance="primary"
              disabled={state.busy}
              icon={state.busy ? <Spinner size="tiny" /> : undefined}
              onClick={() => void confirm()}
            >
              {state.busy ? 'Deleting…' : 'Delete'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
