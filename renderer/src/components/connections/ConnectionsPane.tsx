import { Button, Spinner, Tooltip, makeStyles, tokens, useId } from '@fluentui/react-components';
import {
  AddRegular,
  DeleteRegular,
  EditRegular,
  PanelLeftContractRegular,
  PanelLeftExpandRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConnectionSummary, SecretStorageInfo } from '../../../../shared/ipc/contract';
import { toAppError } from '../../api/app-error';
import { useConnections, useRemoveConnection } from '../../hooks/use-connections';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { CopyButton } from '../common/CopyButton';
import { ErrorAlert } from '../common/ErrorAlert';
import { Pane } from '../layout/Pane';
import { ConnectionDialog } from './ConnectionDialog';
import { ConnectionList } from './ConnectionList';

const useStyles = makeStyles({
  pane: { backgroundColor: tokens.colorNeutralBackground2 },
  headerActions: { marginLeft: 'auto', display: 'flex', gap: tokens.spacingHorizontalXXS },
  toolbar: {
    display: 'flex',
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`,
  },
  add: { flexGrow: 1, maxWidth: 'none', whiteSpace: 'nowrap' },
  scroll: { flexGrow: 1, overflowY: 'auto', minHeight: 0 },
  status: { padding: tokens.spacingHorizontalL },
});

type DialogState =
  | { kind: 'add' }
  | { kind: 'edit'; connection: ConnectionSummary }
  | { kind: 'remove'; connection: ConnectionSummary }
  | null;

interface ConnectionsPaneProps {
  selected: ConnectionSummary | undefined;
  secretStorage: SecretStorageInfo | undefined;
  onSelect: (id: string) => void;
  /** Removing the selected connection closes its editor: asked before the question to remove. */
  guardLeave: (proceed: () => void) => void;
  /** Folded to a strip with only its unfold button, giving the other panes the room. */
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
}

export function ConnectionsPane({
  selected,
  secretStorage,
  onSelect,
  guardLeave,
  collapsed,
  onCollapsedChange,
}: ConnectionsPaneProps) {
  const styles = useStyles();
  const titleId = useId('connections-title');
  const connections = useConnections();
  const remove = useRemoveConnection();
  const [dialog, setDialog] = useState<DialogState>(null);
  const editable = selected !== undefined && !selected.builtIn;
  const whyNot = selected?.builtIn
    ? `“${selected.name}” is built into the app and cannot be changed.`
    : 'Select a connection first.';

  return (
    <Pane
      title="Connections"
      titleId={titleId}
      className={styles.pane}
      collapsed={collapsed}
      leading={
        <Tooltip content={collapsed ? 'Show connections' : 'Hide connections'} relationship="label">
          <Button
            appearance="subtle"
            icon={collapsed ? <PanelLeftExpandRegular /> : <PanelLeftContractRegular />}
            onClick={() => onCollapsedChange(!collapsed)}
          />
        </Tooltip>
      }
      headerExtra={
        <span className={styles.headerActions}>
          {selected ? <CopyButton what="endpoint" text={selected.endpoint} size="medium" /> : null}
          <Tooltip
            content={editable ? 'Change its name, endpoint or key' : whyNot}
            relationship="description"
          >
            <Button
              appearance="subtle"
              icon={<EditRegular />}
              aria-label="Edit connection"
              disabledFocusable={!editable}
              onClick={() => {
                if (editable) setDialog({ kind: 'edit', connection: selected });
              }}
            />
          </Tooltip>
          <Tooltip
            content={editable ? 'Remove it and its saved key from this app' : whyNot}
            relationship="description"
          >
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label="Remove connection"
              disabledFocusable={!editable}
              onClick={() => {
                if (!editable) return;
                guardLeave(() => {
                  remove.reset();
                  setDialog({ kind: 'remove', connection: selected });
                });
              }}
            />
          </Tooltip>
        </span>
      }
    >
      <div className={styles.toolbar}>
        <Button
          className={styles.add}
          appearance="secondary"
          icon={<AddRegular />}
          onClick={() => setDialog({ kind: 'add' })}
        >
          Add connection
        </Button>
      </div>
      <div className={styles.scroll}>
        {connections.isPending ? (
          <Spinner className={styles.status} size="small" label="Loading connections…" />
        ) : connections.isError ? (
          <div className={styles.status}>
            <ErrorAlert
              error={toAppError(connections.error)}
              onRetry={() => void connections.refetch()}
            />
          </div>
        ) : (
          <ConnectionList
            connections={connections.data}
            selectedId={selected?.id}
            onSelect={onSelect}
          />
        )}
      </div>

      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <ConnectionDialog
          connection={dialog.kind === 'edit' ? dialog.connection : undefined}
          secretStorage={secretStorage}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            if (dialog.kind === 'add') onSelect(saved.id);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={dialog?.kind === 'remove'}
        title="Remove connection?"
        confirmLabel="Remove"
        busyLabel="Removing…"
        busy={remove.isPending}
        error={remove.error ? toAppError(remove.error) : null}
        destructive
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          if (dialog?.kind === 'remove') {
            remove.mutate(dialog.connection.id, { onSuccess: () => setDialog(null) });
          }
        }}
      >
        <p>
          Remove “{dialog?.kind === 'remove' ? dialog.connection.name : ''}” and its saved key from
          this app? The datasets in the service stay as they are.
        </p>
      </ConfirmDialog>
    </Pane>
  );
}
