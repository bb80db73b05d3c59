import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useAppInfo } from '../../hooks/use-app-info';
import { RestoredDraftsNotice } from '../../drafts/RestoredDraftsNotice';
import type { DraftRef } from '../../drafts/restored-drafts';
import { keepWhereIWas, pageStorage, recallWhereIWas } from '../../navigation/where-i-was';
import { useConnections } from '../../hooks/use-connections';
import { useLeaveGuard } from '../../navigation/unsaved-changes';
import { ConnectionsPane } from '../connections/ConnectionsPane';
import { DatasetsPane } from '../datasets/DatasetsPane';
import { EditorPane } from '../editor/EditorPane';
import type { EditorSelection } from '../editor/EditorPane';
import { AppHeader } from './AppHeader';
import { AppNotices } from './AppNotices';
import { useConnectionsCollapsed } from './use-connections-collapsed';

const useStyles = makeStyles({
  window: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  panes: {
    flexGrow: 1,
    minHeight: 0,
    display: 'grid',
    // The editor may get narrow (its fields stack, see EditorPane's container): what must not
    // happen at the window's minimum width, 880 px, is anything ending past the right edge.
    gridTemplateColumns: '280px minmax(264px, 2fr) minmax(0, 3fr)',
  },
  connectionsCollapsed: { gridTemplateColumns: '48px minmax(264px, 2fr) minmax(0, 3fr)' },
});

/** The three panes: connections, the selected connection's datasets, the open dataset. */
export function MainWindow() {
  const styles = useStyles();
  const appInfo = useAppInfo();
  const connections = useConnections();
  const leave = useLeaveGuard();
  const [connectionsCollapsed, setConnectionsCollapsed] = useConnectionsCollapsed();
  // Where the window was at the last reload or quit, so work carries on where it stopped.
  const [recalled] = useState(() => recallWhereIWas(pageStorage()));
  const [chosenId, setChosenId] = useState<string | undefined>(recalled?.connectionId);
  const [chosenSelection, setChosenSelection] = useState<{
    connectionId: string | undefined;
    editor: EditorSelection;
  }>(() =>
    recalled?.datasetName
      ? {
          connectionId: recalled.connectionId,
          editor: { kind: 'dataset', name: recalled.datasetName },
        }
      : { connectionId: undefined, editor: { kind: 'none' } },
  );

  // Nothing chosen (first start) or the chosen one is gone: the built-in emulator, so a new
  // user sees datasets at once.
  const all = connections.data ?? [];
  const connection =
    all.find((c) => c.id === chosenId) ?? all.find((c) => c.builtIn) ?? all[0] ?? undefined;
  // What the editor shows belongs to one connection; if that one went away, so did it.
  const selection: EditorSelection =
    chosenSelection.connectionId === connection?.id ? chosenSelection.editor : { kind: 'none' };
  const setSelection = (editor: EditorSelection) =>
    setChosenSelection({ connectionId: connection?.id, editor });

  const chooseConnection = (id: string) => {
    if (id === connection?.id) return;
    leave(() => {
      setChosenId(id);
      setChosenSelection({ connectionId: id, editor: { kind: 'none' } });
    });
  };

  const keptConnectionId = connections.data ? connection?.id : recalled?.connectionId;
  const keptDatasetName = selection.kind === 'dataset' ? selection.name : undefined;
  useEffect(() => {
    // Not before the connections are known: until then nothing is chosen yet.
    if (!connections.data) return;
    keepWhereIWas(
      pageStorage(),
      keptConnectionId
        ? {
            connectionId: keptConnectionId,
            ...(keptDatasetName && { datasetName: keptDatasetName }),
          }
        : undefined,
    );
  }, [connections.data, keptConnectionId, keptDatasetName]);

  const openDraft = (ref: DraftRef) => {
    leave(() => {
      setChosenId(ref.connectionId);
      setChosenSelection({
        connectionId: ref.connectionId,
        editor:
          ref.datasetName === null ? { kind: 'new' } : { kind: 'dataset', name: ref.datasetName },
      });
    });
  };

  const openDataset = (name: string) => {
    if (selection.kind === 'dataset' && selection.name === name) return;
    leave(() => setSelection({ kind: 'dataset', name }));
  };

  // Even the dataset already open: its editor closes (asking first about unsaved edits, which
  // the draft written next would replace) and opens again with that draft.
  const reviewDataset = (name: string, prepare: () => Promise<void>) => {
    const connectionId = connection?.id;
    leave(() => {
      setChosenSelection({ connectionId, editor: { kind: 'none' } });
      void prepare()
        .catch(() => undefined)
        .then(() => setChosenSelection({ connectionId, editor: { kind: 'dataset', name } }));
    });
  };

  return (
    <div className={styles.window}>
      <AppHeader info={appInfo.data} />
      <AppNotices notices={appInfo.data?.notices ?? []} />
      <RestoredDraftsNotice connections={all} onOpen={openDraft} />
      <main
        className={mergeClasses(styles.panes, connectionsCollapsed && styles.connectionsCollapsed)}
      >
        <ConnectionsPane
          selected={connection}
          secretStorage={appInfo.data?.secretStorage}
          onSelect={chooseConnection}
          guardLeave={leave}
          collapsed={connectionsCollapsed}
          onCollapsedChange={setConnectionsCollapsed}
        />
        <DatasetsPane
          // Per connection: its filter and scroll position are its own.
          key={connection?.id ?? 'none'}
          connection={connection}
          selectedName={selection.kind === 'dataset' ? selection.name : undefined}
          onOpen={openDataset}
          onReview={reviewDataset}
          onNew={() => {
            if (selection.kind !== 'new') leave(() => setSelection({ kind: 'new' }));
          }}
        />
        <EditorPane
          connection={connection}
          selection={selection}
          onCreated={(name) => setSelection({ kind: 'dataset', name, created: true })}
          onDeleted={(name) => setSelection({ kind: 'none', deleted: name })}
          onCancelNew={() => leave(() => setSelection({ kind: 'none' }))}
        />
      </main>
    </div>
  );
}
