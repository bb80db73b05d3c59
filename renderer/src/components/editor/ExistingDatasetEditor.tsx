import { Spinner } from '@fluentui/react-components';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import { toAppError } from '../../api/app-error';
import type { RestoredDraft } from '../../drafts/draft-values';
import { useDataset } from '../../hooks/use-dataset';
import { ErrorAlert } from '../common/ErrorAlert';
import { LoadedDatasetEditor } from './LoadedDatasetEditor';
import { useEditorStyles } from './editor-styles';

interface ExistingDatasetEditorProps {
  connection: ConnectionSummary;
  name: string;
  /** Registered a moment ago from New dataset: the editor opens saying so. */
  justCreated: boolean;
  /** Unsaved edits of this dataset from the last session. */
  restored: RestoredDraft | undefined;
  onDeleted: (name: string) => void;
}

/**
 * A saved dataset: opens at once on the list's row when there is one, else waits for the
 * read (or says why it failed), then edits it (LoadedDatasetEditor).
 */
export function ExistingDatasetEditor({
  connection,
  name,
  justCreated,
  restored,
  onDeleted,
}: ExistingDatasetEditorProps) {
  const styles = useEditorStyles();
  const query = useDataset(connection.id, name);
  if (!query.data) {
    return query.isError ? (
      <div className={styles.message}>
        <ErrorAlert
          error={toAppError(query.error)}
          title={`Could not open “${name}”`}
          onRetry={() => void query.refetch()}
          connection={connection}
        />
      </div>
    ) : (
      <div className={styles.centre}>
        <Spinner size="small" label={`Opening “${name}”…`} />
      </div>
    );
  }
  return (
    <LoadedDatasetEditor
      connection={connection}
      latest={query.data}
      latestIsListRow={query.dataUpdatedAt === 0}
      refreshError={query.isError ? toAppError(query.error) : null}
      justCreated={justCreated}
      restored={restored}
      onDeleted={onDeleted}
    />
  );
}
