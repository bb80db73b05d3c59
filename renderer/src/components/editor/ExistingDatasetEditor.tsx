import { Button, Spinner, useId } from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowUndoRegular,
  DeleteRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import { toAppError } from '../../api/app-error';
import {
  changesFromForm,
  datasetFormSchema,
  hasChanges,
  savedSasTokenOf,
  toFormValues,
} from '../../forms/dataset-form';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { showServiceProblems } from '../../forms/service-problems';
import { useDataset, useFetchDataset } from '../../hooks/use-dataset';
import { useDatasetSave } from '../../hooks/use-dataset-save';
import { useDeleteDataset } from '../../hooks/use-delete-dataset';
import { useSaveShortcut } from '../../hooks/use-save-shortcut';
import { useReportUnsavedChanges } from '../../navigation/unsaved-changes';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorAlert } from '../common/ErrorAlert';
import { DatasetFormSections } from './DatasetFormSections';
import { EditorFrame } from './EditorFrame';
import { useEditorStyles } from './editor-styles';
import { OutcomeNotice } from './outcome-notice';
import type { EditorOutcome } from './outcome-notice';

interface ExistingDatasetEditorProps {
  connection: ConnectionSummary;
  name: string;
  /** Registered a moment ago from New dataset: the editor opens saying so. */
  justCreated: boolean;
  onDeleted: (name: string) => void;
}

export function ExistingDatasetEditor({
  connection,
  name,
  justCreated,
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
          action={<Button onClick={() => void query.refetch()}>Try again</Button>}
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
      refreshError={query.isError ? toAppError(query.error) : null}
      justCreated={justCreated}
      onDeleted={onDeleted}
    />
  );
}

interface LoadedDatasetEditorProps {
  connection: ConnectionSummary;
  /** The newest copy the cache holds; it becomes the base only while there is nothing to lose. */
  latest: RedactedDataset;
  refreshError: AppError | null;
  justCreated: boolean;
  onDeleted: (name: string) => void;
}

function LoadedDatasetEditor({
  connection,
  latest,
  refreshError,
  justCreated,
  onDeleted,
}: LoadedDatasetEditorProps) {
  const styles = useEditorStyles();
  const titleId = useId('editor-title-');

  // `base` is the version the edits apply to: its eTag guards the save. It moves only on
  // purpose (save, reload, discard) or when fresher data arrives while nothing is edited.
  const [base, setBase] = useState(latest);
  const hasSavedSasToken = savedSasTokenOf(base);
  const schema = useMemo(
    () => datasetFormSchema({ mode: 'edit', hasSavedSasToken }),
    [hasSavedSasToken],
  );
  const resolver = useMemo(() => zodResolver(schema), [schema]);
  const baseValues = useMemo(() => toFormValues(base), [base]);
  const form = useForm<DatasetFormValues>({ resolver, mode: 'onChange', values: baseValues });
  const { trigger, reset, setError } = form;
  const values = useWatch({ control: form.control }) as DatasetFormValues;
  const changes = useMemo(() => changesFromForm(base, values), [base, values]);
  const dirty = hasChanges(changes);
  const valid = useMemo(() => schema.safeParse(values).success, [schema, values]);

  const [seenLatest, setSeenLatest] = useState(latest);
  if (seenLatest !== latest) {
    setSeenLatest(latest);
    if (!dirty && latest.eTag !== base.eTag) setBase(latest);
  }

  // Once something is wrong, say everything that is: a disabled Save must show its reason.
  useEffect(() => {
    if (dirty && !valid) void trigger();
  }, [dirty, valid, trigger]);

  useReportUnsavedChanges(dirty, `“${base.name}”`);

  const saver = useDatasetSave(connection.id);
  const fetchDataset = useFetchDataset(connection.id, base.name);
  const remove = useDeleteDataset(connection.id);
  const [outcome, setOutcome] = useState<EditorOutcome | null>(
    justCreated ? { kind: 'saved' } : null,
  );
  const [reloading, setReloading] = useState(false);
  const [askReload, setAskReload] = useState(false);
  const [askDelete, setAskDelete] = useState(false);
  const busy = saver.isSaving || reloading;

  const adopt = (dataset: RedactedDataset) => {
    setBase(dataset);
    // `values` follows `base`, but an identical base would not reset typed tokens: say it.
    reset(toFormValues(dataset));
  };

  const save = async () => {
    if (busy || !dirty) return;
    if (!valid) {
      void trigger(undefined, { shouldFocus: true });
      return;
    }
    setOutcome(null);
    const result = await saver.save({ base, changes });
    if (result.kind === 'saved') {
      adopt(result.dataset);
      setOutcome({ kind: 'saved' });
      return;
    }
    if (result.kind === 'failed') showServiceProblems(setError, result.error);
    setOutcome(result);
  };
  useSaveShortcut(() => void save());

  const reload = async () => {
    setAskReload(false);
    setReloading(true);
    setOutcome(null);
    try {
      adopt(await fetchDataset());
    } catch (error) {
      setOutcome({ kind: 'reloadFailed', error: toAppError(error) });
    } finally {
      setReloading(false);
    }
  };

  const toolbar = (
    <>
      <Button
        appearance="primary"
        icon={saver.isSaving ? <Spinner size="tiny" /> : <SaveRegular />}
        disabled={!dirty || !valid || busy}
        onClick={() => void save()}
      >
        {saver.isSaving ? 'Saving…' : 'Save'}
      </Button>
      <Button
        icon={<ArrowUndoRegular />}
        disabled={!dirty || busy}
        onClick={() => {
          setOutcome(null);
          reset(toFormValues(base));
        }}
      >
        Discard changes
      </Button>
      <Button
        icon={reloading ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
        disabled={busy}
        onClick={() => (dirty ? setAskReload(true) : void reload())}
      >
        Reload
      </Button>
      <span className={styles.spacer} />
      <Button
        appearance="subtle"
        className={styles.danger}
        icon={<DeleteRegular />}
        disabled={busy}
        onClick={() => {
          remove.reset();
          setAskDelete(true);
        }}
      >
        Delete dataset
      </Button>
    </>
  );

  return (
    <FormProvider {...form}>
      <EditorFrame
        title={base.name}
        titleId={titleId}
        dirty={dirty}
        invalid={!valid}
        saved={outcome?.kind === 'saved'}
        toolbar={toolbar}
        notices={
          <>
            {refreshError && !outcome ? (
              <ErrorAlert error={refreshError} title="Could not refresh this dataset" />
            ) : null}
            <OutcomeNotice outcome={outcome} />
          </>
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
          <DatasetFormSections base={base} hasSavedSasToken={hasSavedSasToken} />
        </form>
      </EditorFrame>

      <ConfirmDialog
        open={askReload}
        title="Reload and discard your changes?"
        confirmLabel="Discard and reload"
        cancelLabel="Keep editing"
        destructive
        onCancel={() => setAskReload(false)}
        onConfirm={() => void reload()}
      >
        <p>
          Reload gets “{base.name}” as the service has it now. The changes you have not saved are
          lost.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={askDelete}
        title="Delete dataset?"
        confirmLabel="Delete"
        busyLabel="Deleting…"
        busy={remove.isPending}
        error={remove.error ? toAppError(remove.error) : null}
        destructive
        onCancel={() => setAskDelete(false)}
        onConfirm={() =>
          remove.mutate(base, {
            onSuccess: () => {
              setAskDelete(false);
              onDeleted(base.name);
            },
          })
        }
      >
        <p>
          Delete “{base.name}” from {connection.name}? The service forgets the dataset; the
          annotation files in storage stay where they are.
          {dirty ? ' Your unsaved changes are lost too.' : ''}
        </p>
      </ConfirmDialog>
    </FormProvider>
  );
}
