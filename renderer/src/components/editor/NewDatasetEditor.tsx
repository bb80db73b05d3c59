import { useId } from '@fluentui/react-components';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import { toAppError } from '../../api/app-error';
import { AnnotationCheckScopeProvider } from '../../features/annotation-check/check-scope';
import { EMPTY_DATASET_FORM, fieldsFromForm } from '../../forms/dataset-form';
import { showServiceProblems } from '../../forms/service-problems';
import { useDatasetForm } from '../../forms/use-dataset-form';
import type { RestoredDraft } from '../../drafts/draft-values';
import {
  useDraftAutosave,
  useEditorDraft,
  useRestoreNewDatasetForm,
} from '../../drafts/use-editor-draft';
import { useRegisterDataset } from '../../hooks/use-register-dataset';
import { useSaveShortcut } from '../../hooks/use-save-shortcut';
import { useReportUnsavedChanges } from '../../navigation/unsaved-changes';
import { ErrorAlert } from '../common/ErrorAlert';
import { isUnreachable } from '../common/error-headlines';
import { DatasetFormSections } from './DatasetFormSections';
import { EditorFrame } from './EditorFrame';
import { NewDatasetToolbar } from './NewDatasetToolbar';
import { useEditorStyles } from './editor-styles';

interface NewDatasetEditorProps {
  connection: ConnectionSummary;
  /** Unsaved edits of a new dataset on this connection from the last session. */
  restored: RestoredDraft | undefined;
  onCreated: (name: string) => void;
  onCancel: () => void;
}

/** New dataset: the same fields with the name editable; Save registers it (PUT). */
export function NewDatasetEditor({
  connection,
  restored,
  onCreated,
  onCancel,
}: NewDatasetEditorProps) {
  const styles = useEditorStyles();
  const titleId = useId('editor-title-');
  const draft = useEditorDraft(connection.id, null, restored);
  // A token kept with the draft counts as given, as a saved one does when editing.
  const { form, values, dirty, valid, submit } = useDatasetForm({
    mode: 'create',
    hasSavedSasToken: draft.keptSasToken,
    defaultValues: EMPTY_DATASET_FORM,
  });
  const { reset, setError } = form;
  useRestoreNewDatasetForm(reset, draft.restored);
  const register = useRegisterDataset(connection.id);
  const [failure, setFailure] = useState<AppError | null>(null);

  useReportUnsavedChanges(dirty, 'the new dataset', draft.dropOnClose);
  useDraftAutosave(draft, { base: null, values, dirty });

  const save = () => {
    if (register.isPending || !dirty) return;
    void submit(async (sent) => {
      setFailure(null);
      try {
        await register.mutateAsync({
          name: sent.name,
          fields: fieldsFromForm(sent),
          useDraftSasToken: draft.usesKeptSasToken(sent),
        });
        draft.drop();
        reset(sent);
        onCreated(sent.name);
      } catch (error) {
        const appError = toAppError(error);
        if (appError.kind === 'alreadyExists') {
          // Said where the fix is: the name.
          setError(
            'name',
            {
              type: 'server',
              message: `A dataset with this name already exists in ${connection.name}. Choose another name, or open the existing one from the list.`,
            },
            { shouldFocus: true },
          );
          return;
        }
        showServiceProblems(setError, appError);
        setFailure(appError);
      }
    });
  };
  useSaveShortcut(save);

  return (
    <FormProvider {...form}>
      <EditorFrame
        title="New dataset"
        titleId={titleId}
        dirty={dirty}
        invalid={!valid}
        status={null}
        toolbar={
          <NewDatasetToolbar
            dirty={dirty}
            valid={valid}
            saving={register.isPending}
            onSave={save}
            onDiscard={() => {
              setFailure(null);
              draft.drop();
              reset(EMPTY_DATASET_FORM);
            }}
            onCancel={onCancel}
          />
        }
        notices={
          failure ? (
            <ErrorAlert
              error={failure}
              title={
                isUnreachable(failure)
                  ? 'Not registered: the service cannot be reached'
                  : 'Not registered'
              }
              advice={isUnreachable(failure) ? 'Your entries are kept. Try Save again.' : undefined}
            />
          ) : null
        }
      >
        <form
          className={styles.form}
          aria-labelledby={titleId}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <AnnotationCheckScopeProvider
            scope={{
              connectionId: connection.id,
              datasetName: null,
              savedSasToken: false,
              keptSasToken: draft.keptSasToken,
            }}
          >
            <DatasetFormSections
              hasSavedSasToken={draft.keptSasToken}
              keptSasToken={draft.keptSasToken}
            />
          </AnnotationCheckScopeProvider>
        </form>
      </EditorFrame>
    </FormProvider>
  );
}
