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
import { formValuesOver } from '../../drafts/draft-values';
import type { RestoredDraft } from '../../drafts/draft-values';
import { changesWithKeptSasToken } from '../../drafts/kept-sas-token';
import { useDraftAutosave, useEditorDraft } from '../../drafts/use-editor-draft';
import { useDataset, useFetchDataset } from '../../hooks/use-dataset';
import { useDatasetSave } from '../../hooks/use-dataset-save';
import { useSaveConflict } from '../../hooks/use-save-conflict';
import { useSaveShortcut } from '../../hooks/use-save-shortcut';
import { useReportUnsavedChanges } from '../../navigation/unsaved-changes';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorAlert } from '../common/ErrorAlert';
import { SaveConflictDialogs } from '../conflict/SaveConflictDialogs';
import { DatasetFormSections } from './DatasetFormSections';
import { DeleteDatasetDialog } from './DeleteDatasetDialog';
import { EditorFrame } from './EditorFrame';
import { useEditorStyles } from './editor-styles';
import { OutcomeNotice } from './outcome-notice';
import type { EditorOutcome } from './outcome-notice';

interface ExistingDatasetEditorProps {
  connection: ConnectionSummary;
  name: string;
  /** Registered a moment ago from New dataset: the editor opens saying so. */
  justCreated: boolean;
  /** Unsaved edits of this dataset from the last session. */
  restored: RestoredDraft | undefined;
  onDeleted: (name: string) => void;
}

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
      restored={restored}
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
  restored: RestoredDraft | undefined;
  onDeleted: (name: string) => void;
}

function LoadedDatasetEditor({
  connection,
  latest,
  refreshError,
  justCreated,
  restored,
  onDeleted,
}: LoadedDatasetEditorProps) {
  const styles = useEditorStyles();
  const titleId = useId('editor-title-');

  const draft = useEditorDraft(connection.id, latest.name, restored);
  // `base` is the version the edits apply to: its eTag guards the save. It moves only on
  // purpose (save, reload, discard) or when fresher data arrives while nothing is edited.
  // A restored draft brings its own: the version loaded when the editing began.
  const [base, setBase] = useState(draft.restored?.base ?? latest);
  const hasSavedSasToken = savedSasTokenOf(base) || draft.keptSasToken;
  const schema = useMemo(
    () => datasetFormSchema({ mode: 'edit', hasSavedSasToken }),
    [hasSavedSasToken],
  );
  const resolver = useMemo(() => zodResolver(schema), [schema]);
  const baseValues = useMemo(() => formValuesOver(base, draft.restored), [base, draft.restored]);
  const form = useForm<DatasetFormValues>({ resolver, mode: 'onChange', values: baseValues });
  const { trigger, reset, setError } = form;
  const values = useWatch({ control: form.control }) as DatasetFormValues;
  const changes = useMemo(
    () => changesWithKeptSasToken(changesFromForm(base, values), values, draft.keptSasToken),
    [base, values, draft.keptSasToken],
  );
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

  useReportUnsavedChanges(dirty, `“${base.name}”`, draft.dropOnClose);
  useDraftAutosave(draft, { base, values, dirty });

  const saver = useDatasetSave(connection.id);
  const fetchDataset = useFetchDataset(connection.id, base.name);
  const [outcome, setOutcome] = useState<EditorOutcome | null>(
    justCreated ? { kind: 'saved' } : null,
  );
  const [reloading, setReloading] = useState(false);
  const [askReload, setAskReload] = useState(false);
  const [askDelete, setAskDelete] = useState(false);
  const busy = saver.isSaving || reloading;

  const adopt = (dataset: RedactedDataset) => {
    draft.drop();
    setBase(dataset);
    // `values` follows `base`, but an identical base would not reset typed tokens: say it.
    reset(toFormValues(dataset));
  };

  const conflict = useSaveConflict({
    connectionId: connection.id,
    save: saver.save,
    onSaved: (dataset) => {
      adopt(dataset);
      setOutcome({ kind: 'saved' });
    },
    onReload: () => void reload(),
    onKeepEditing: (error) =>
      setOutcome({ kind: error.kind === 'conflict' ? 'conflict' : 'failed', error }),
  });

  const save = async () => {
    if (busy || !dirty || conflict.isOpen) return;
    if (!valid) {
      void trigger(undefined, { shouldFocus: true });
      return;
    }
    setOutcome(null);
    const result = await saver.save({
      base,
      changes,
      useDraftSasToken: draft.usesKeptSasToken(values),
    });
    if (result.kind === 'saved') {
      adopt(result.dataset);
      setOutcome({ kind: 'saved' });
      return;
    }
    const mine = form.getValues();
    const usesKeptSasToken = draft.usesKeptSasToken(mine);
    if (conflict.takeOver(result, { base, values: mine, usesKeptSasToken })) return;
    showServiceProblems(setError, result.error);
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
          draft.drop();
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
        onClick={() => setAskDelete(true)}
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
          <DatasetFormSections
            base={base}
            hasSavedSasToken={hasSavedSasToken}
            keptSasToken={draft.keptSasToken}
          />
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
      {askDelete ? (
        <DeleteDatasetDialog
          connection={connection}
          base={base}
          dirty={dirty}
          onCancel={() => setAskDelete(false)}
          onDeleted={(name) => {
            draft.drop();
            setAskDelete(false);
            onDeleted(name);
          }}
          onReload={() => {
            setAskDelete(false);
            void reload();
          }}
        />
      ) : null}
      <SaveConflictDialogs conflict={conflict} />
    </FormProvider>
  );
}
