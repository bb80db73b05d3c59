import { Button, Spinner, useId } from '@fluentui/react-components';
import { ArrowUndoRegular, DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import { toAppError } from '../../api/app-error';
import { EMPTY_DATASET_FORM, datasetFormSchema, fieldsFromForm } from '../../forms/dataset-form';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { showServiceProblems } from '../../forms/service-problems';
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
  const schema = useMemo(
    () => datasetFormSchema({ mode: 'create', hasSavedSasToken: draft.keptSasToken }),
    [draft.keptSasToken],
  );
  const resolver = useMemo(() => zodResolver(schema), [schema]);
  const form = useForm<DatasetFormValues>({
    resolver,
    mode: 'onChange',
    defaultValues: EMPTY_DATASET_FORM,
  });
  const { trigger, reset, setError } = form;
  const values = useWatch({ control: form.control }) as DatasetFormValues;
  useRestoreNewDatasetForm(reset, draft.restored);
  const dirty = form.formState.isDirty;
  const valid = useMemo(() => schema.safeParse(values).success, [schema, values]);
  const register = useRegisterDataset(connection.id);
  const [failure, setFailure] = useState<AppError | null>(null);

  useEffect(() => {
    if (dirty && !valid) void trigger();
  }, [dirty, valid, trigger]);

  useReportUnsavedChanges(dirty, 'the new dataset', draft.dropOnClose);
  useDraftAutosave(draft, { base: null, values, dirty });

  const save = async () => {
    if (register.isPending || !dirty) return;
    if (!valid) {
      void trigger(undefined, { shouldFocus: true });
      return;
    }
    setFailure(null);
    const name = values.name;
    try {
      await register.mutateAsync({
        name,
        fields: fieldsFromForm(values),
        useDraftSasToken: draft.usesKeptSasToken(values),
      });
      draft.drop();
      reset(values);
      onCreated(name);
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
  };
  useSaveShortcut(() => void save());

  const toolbar = (
    <>
      <Button
        appearance="primary"
        icon={register.isPending ? <Spinner size="tiny" /> : <SaveRegular />}
        disabled={!dirty || !valid || register.isPending}
        onClick={() => void save()}
      >
        {register.isPending ? 'Saving…' : 'Save'}
      </Button>
      <Button
        icon={<ArrowUndoRegular />}
        disabled={!dirty || register.isPending}
        onClick={() => {
          setFailure(null);
          draft.drop();
          reset(EMPTY_DATASET_FORM);
        }}
      >
        Discard changes
      </Button>
      <span className={styles.spacer} />
      <Button
        appearance="subtle"
        icon={<DismissRegular />}
        disabled={register.isPending}
        onClick={onCancel}
      >
        Cancel
      </Button>
    </>
  );

  return (
    <FormProvider {...form}>
      <EditorFrame
        title="New dataset"
        titleId={titleId}
        dirty={dirty}
        invalid={!valid}
        status={null}
        toolbar={toolbar}
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
            void save();
          }}
        >
          <DatasetFormSections
            hasSavedSasToken={draft.keptSasToken}
            keptSasToken={draft.keptSasToken}
          />
        </form>
      </EditorFrame>
    </FormProvider>
  );
}
