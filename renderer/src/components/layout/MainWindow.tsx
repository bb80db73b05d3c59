import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useAppInfo } from '../../hooks/use-app-info';
import { RestoredDraftsNotice } from '../../drafts/RestoredDraftsNotice';
import { useConnections } from '../../hooks/use-connections';
import { useLeaveGuard } from '../../navigation/unsaved-changes';
import { ConnectionsPane } from '../connections/ConnectionsPane';
import { DatasetsPane } from '../datasets/DatasetsPane';
import { EditorPane } from '../editor/EditorPane';
import type { EditorSelection } from '../editor/EditorPane';
import { AppHeader } from './AppHeader';
import { AppNotices } from './AppNotices';

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
    gridTemplateColumns: '256px minmax(320px, 2fr) minmax(520px, 3fr)',
  },
});

/** The three panes: connections, the selected connection's datasets, the open dataset. */
export function MainWindow() {
  const styles = useStyles();
  const appInfo = useAppInfo();
  const connections = useConnections();
  const leave = useLeaveGuard();
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const [chosenSelection, setChosenSelection] = useState<{
    connectionId: string | undefined;
    editor: EditorSelection;
  }>({ connectionId: undefined, editor: { kind: 'none' } });

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

  const openDataset = (name: string) => {
    if (selection.kind === 'dataset' && selection.name === name) return;
    leave(() => setSelection({ kind: 'dataset', name }));
  };

  return (
    <div className={styles.window}>
      <AppHeader info={appInfo.data} />
      <AppNotices notices={appInfo.data?.notices ?? []} />
      <RestoredDraftsNotice connections={all} />
      <main className={styles.panes}>
        <ConnectionsPane
          selected={connection}
          secretStorage={appInfo.data?.secretStorage}
          onSelect={chooseConnection}
          guardLeave={leave}
        />
        <DatasetsPane
          // Per connection: its filter and scroll position are its own.
          key={connection?.id ?? 'none'}
          connection={connection}
          selectedName={selection.kind === 'dataset' ? selection.name : undefined}
          onOpen={openDataset}
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
