import { useId } from '@fluentui/react-components';
import { FormProvider } from 'react-hook-form';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import type { RestoredDraft } from '../../drafts/draft-values';
import { useEditorDraft } from '../../drafts/use-editor-draft';
import { isBusy, savedStatus } from '../../editor/editor-state';
import { CopySaveAsCurl } from '../../features/activity/CopySaveAsCurl';
import { AnnotationCheckScopeProvider } from '../../features/annotation-check/check-scope';
import { DatasetEditorTabs } from '../../features/history/DatasetEditorTabs';
import { savedSasTokenOf } from '../../forms/dataset-form';
import { useDatasetEditorCommands } from '../../hooks/use-dataset-editor-commands';
import { useExistingDatasetForm } from '../../hooks/use-existing-dataset-form';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { SaveConflictDialogs } from '../conflict/SaveConflictDialogs';
import { DatasetFormSections } from './DatasetFormSections';
import { DeleteDatasetDialog } from './DeleteDatasetDialog';
import { EditorFrame } from './EditorFrame';
import { ExistingDatasetNotices } from './ExistingDatasetNotices';
import { ExistingDatasetToolbar } from './ExistingDatasetToolbar';
import { useEditorStyles } from './editor-styles';

interface LoadedDatasetEditorProps {
  connection: ConnectionSummary;
  /** The newest copy the cache holds; it becomes the base only while there is nothing to lose. */
  latest: RedactedDataset;
  /** `latest` is still the datasets list's row, not yet read from the service on its own. */
  latestIsListRow: boolean;
  refreshError: AppError | null;
  justCreated: boolean;
  restored: RestoredDraft | undefined;
  onDeleted: (name: string) => void;
}

/** A saved dataset's editor, once there is a version of it to show. */
export function LoadedDatasetEditor({
  connection,
  latest,
  latestIsListRow,
  refreshError,
  justCreated,
  restored,
  onDeleted,
}: LoadedDatasetEditorProps) {
  const styles = useEditorStyles();
  const titleId = useId('editor-title-');
  const draft = useEditorDraft(connection.id, latest.name, restored);
  const editor = useExistingDatasetForm(latest, draft);
  const commands = useDatasetEditorCommands({
    connectionId: connection.id,
    editor,
    latest,
    baseIsListRow: draft.restored === undefined && latestIsListRow,
    justCreated,
  });
  const { base, dirty, valid } = editor;
  const { state } = commands;

  return (
    <FormProvider {...editor.form}>
      <EditorFrame
        title={base.name}
        titleId={titleId}
        dirty={dirty}
        invalid={!valid}
        status={savedStatus(state.outcome, dirty)}
        toolbar={
          <ExistingDatasetToolbar
            state={state}
            dirty={dirty}
            valid={valid}
            onSave={commands.save}
            onDiscard={commands.discard}
            onReload={commands.reload}
            onDelete={commands.askDelete}
            copyAsCurl={
              <CopySaveAsCurl
                connectionId={connection.id}
                editor={editor}
                dirty={dirty}
                valid={valid}
                busy={isBusy(state)}
              />
            }
          />
        }
        notices={
          <ExistingDatasetNotices
            connection={connection}
            name={base.name}
            outcome={state.outcome}
            refreshError={refreshError}
            newerVersion={commands.newerVersion}
            onReview={commands.review}
            onDismiss={commands.dismissNotice}
          />
        }
      >
        <DatasetEditorTabs connection={connection} base={base} dirty={dirty}>
          <form
            className={styles.form}
            aria-labelledby={titleId}
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              commands.save();
            }}
          >
            <AnnotationCheckScopeProvider
              scope={{
                connectionId: connection.id,
                datasetName: base.name,
                savedSasToken: savedSasTokenOf(base),
                keptSasToken: draft.keptSasToken,
              }}
            >
              <DatasetFormSections
                base={base}
                hasSavedSasToken={editor.hasSavedSasToken}
                keptSasToken={draft.keptSasToken}
              />
            </AnnotationCheckScopeProvider>
          </form>
        </DatasetEditorTabs>
      </EditorFrame>

      <ConfirmDialog
        open={state.step.kind === 'confirmingReload'}
        title="Reload and discard your changes?"
        confirmLabel="Discard and reload"
        cancelLabel="Keep editing"
        destructive
        onCancel={commands.closeDialog}
        onConfirm={commands.confirmReload}
      >
        <p>
          Reload gets “{base.name}” as the service has it now. The changes you have not saved are
          lost.
        </p>
      </ConfirmDialog>
      {state.step.kind === 'deleting' ? (
        <DeleteDatasetDialog
          connection={connection}
          base={base}
          dirty={dirty}
          onCancel={commands.closeDialog}
          onDeleted={(name) => {
            draft.drop();
            commands.closeDialog();
            onDeleted(name);
          }}
          onReload={commands.confirmReload}
        />
      ) : null}
      <SaveConflictDialogs conflict={commands.conflict} />
    </FormProvider>
  );
}
