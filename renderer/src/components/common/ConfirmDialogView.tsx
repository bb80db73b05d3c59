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
  useFocusFinders,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { AppError } from '../../../../shared/ipc/errors';
import { ErrorAlert } from './ErrorAlert';
import { useReturnFocus } from '../../hooks/use-return-focus';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** What the confirm button says while the action runs. */
  busyLabel?: string;
  busy?: boolean;
  error?: AppError | null;
  /** A destructive action is not the default: Enter on open must not delete anything. */
  destructive?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A question before something that cannot be undone (or loses work), as a modal Fluent dialog. */
export function ConfirmDialogView({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  busyLabel,
  busy = false,
  error,
  destructive = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const styles = useStyles();
  useReturnFocus(open);
  // Fluent's Dialog focuses its first focusable element in an effect and ignores autoFocus, so
  // the default button is focused here: this effect runs after the Dialog's (a parent's effects
  // follow its children's). Whatever the question shows first, Enter never confirms a
  // destructive action by itself.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) (destructive ? cancelRef : confirmRef).current?.focus();
  }, [open, destructive]);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open && !busy) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {children}
            {error ? <ErrorAlert error={error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button ref={cancelRef} appearance="secondary" onClick={onCancel} disabled={busy}>
              {cancelLabel}
            </Button>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabled={busy}
              ref={confirmRef}
              icon={busy ? <Spinner size="tiny" /> : undefined}
            >
              {busy && busyLabel ? busyLabel : confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Holds a reference to Fluent's focus manager (tabster) while mounted; renders nothing. Here,
 * with the dialog code it serves, rather than in a chunk of its own (see KeepFocusManager).
 */
export function FocusManagerKeeper() {
  useFocusFinders();
  return null;
}
