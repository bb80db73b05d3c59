import { Body1, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentEditRegular } from '@fluentui/react-icons';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import { findRestoredDraft, useRestoredDrafts } from '../../drafts/restored-drafts';
import { onDemand } from '../common/on-demand';
import { useEditorStyles } from './editor-styles';

// The editors, with their form library and fields, are not part of the page's start: the page
// starts with the lists, and an editor's code loads when the page is idle or a dataset opens.
const ExistingDatasetEditor = onDemand('ExistingDatasetEditor', () =>
  import('./ExistingDatasetEditor').then((m) => m.ExistingDatasetEditor),
);
const NewDatasetEditor = onDemand('NewDatasetEditor', () =>
  import('./NewDatasetEditor').then((m) => m.NewDatasetEditor),
);

export type EditorSelection =
  | { kind: 'none'; deleted?: string }
  /** `created`: it was just registered here, which counts as saved. */
  | { kind: 'dataset'; name: string; created?: boolean }
  | { kind: 'new' };

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    // The fields lay themselves out by the pane's width (it depends on whether Connections is
    // folded, not only on the window): see the `dm-editor` container queries.
    containerType: 'inline-size',
    containerName: 'dm-editor',
  },
  icon: { fontSize: '48px', color: tokens.colorNeutralForeground4 },
  title: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface EditorPaneProps {
  connection: ConnectionSummary | undefined;
  selection: EditorSelection;
  onCreated: (name: string) => void;
  onDeleted: (name: string) => void;
  onCancelNew: () => void;
}

export function EditorPane({
  connection,
  selection,
  onCreated,
  onDeleted,
  onCancelNew,
}: EditorPaneProps) {
  const styles = useStyles();
  const editorStyles = useEditorStyles();
  const drafts = useRestoredDrafts();
  const restoredFor = (datasetName: string | null) =>
    connection && findRestoredDraft(drafts.data, { connectionId: connection.id, datasetName });
  const content =
    // An editor opens with its draft from the last session, so it waits for the list.
    drafts.isPending && selection.kind !== 'none' ? (
      <div className={editorStyles.centre}>
        <Spinner size="small" label="Opening…" />
      </div>
    ) : connection && selection.kind === 'dataset' ? (
      <ExistingDatasetEditor
        // A fresh editor per dataset: nothing typed for one can leak into another.
        key={`${connection.id}\n${selection.name}`}
        connection={connection}
        name={selection.name}
        justCreated={selection.created === true}
        restored={restoredFor(selection.name)}
        onDeleted={onDeleted}
      />
    ) : connection && selection.kind === 'new' ? (
      <NewDatasetEditor
        key={connection.id}
        connection={connection}
        restored={restoredFor(null)}
        onCreated={onCreated}
        onCancel={onCancelNew}
      />
    ) : (
      <div className={editorStyles.centre}>
        <DocumentEditRegular className={styles.icon} aria-hidden="true" />
        <div role="status">
          {selection.kind === 'none' && selection.deleted ? (
            <Body1 className={styles.title}>“{selection.deleted}” was deleted.</Body1>
          ) : null}
        </div>
        <Body1 className={styles.title}>No dataset open</Body1>
        <Caption1>Choose a dataset in the list to see and edit it, or New dataset.</Caption1>
      </div>
    );
  return (
    <section aria-label="Dataset editor" className={styles.pane}>
      {content}
    </section>
  );
}
