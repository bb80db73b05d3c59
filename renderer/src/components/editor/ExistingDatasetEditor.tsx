import { Button, Spinner, useId } from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowUndoRegular,
  DeleteRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
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
import { differingFields, rebaseFormValues } from '../../forms/rebase-form';
import { showServiceProblems } from '../../forms/service-problems';
import { formValuesOver } from '../../drafts/draft-values';
import type { RestoredDraft } from '../../drafts/draft-values';
import { changesWithKeptSasToken } from '../../drafts/kept-sas-token';
import { useDraftAutosave, useEditorDraft } from '../../drafts/use-editor-draft';
import { useDataset, useFetchDataset } from '../../hooks/use-dataset';
import { useDatasetReads } from '../../hooks/use-dataset-reads';
import { useDatasetSave } from '../../hooks/use-dataset-save';
import type { SaveOutcome } from '../../hooks/use-dataset-save';
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
import { newerVersionStep } from './newer-version';
import { OutcomeNotice } from './outcome-notice';
import type { EditorOutcome } from './outcome-notice';
import { ChangedOnServiceNotice, ReviewChangesBanner } from './service-change-notices';

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
      latestIsListRow={query.dataUpdatedAt === 0}
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
  /** `latest` is still the datasets list's row, not yet read from the service on its own. */
  latestIsListRow: boolean;
  refreshError: AppError | null;
  justCreated: boolean;
  restored: RestoredDraft | undefined;
  onDeleted: (name: string) => void;
}

function LoadedDatasetEditor({
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
  // `base` is the version the edits apply to: its eTag guards the save. It moves only on
  // purpose (save, reload, merge) or when fresher data arrives while nothing is edited.
  // A restored draft brings its own: the version loaded when the editing began.
  const [base, setBase] = useState(draft.restored?.base ?? latest);
  // The form opens with the draft's values or the base's. Later it is set only by `adopt`
  // and Discard, never by a change of `base` itself: that would drop whatever was typed
  // while a save ran.
  const [openingValues] = useState(() => formValuesOver(base, draft.restored));
  const hasSavedSasToken = savedSasTokenOf(base) || draft.keptSasToken;
  const schema = useMemo(
    () => datasetFormSchema({ mode: 'edit', hasSavedSasToken }),
    [hasSavedSasToken],
  );
  const resolver = useMemo(() => zodResolver(schema), [schema]);
  const form = useForm<DatasetFormValues>({
    resolver,
    mode: 'onChange',
    defaultValues: openingValues,
  });
  const { trigger, reset, setError, setValue } = form;
  const values = useWatch({ control: form.control }) as DatasetFormValues;
  const { keptSasToken } = draft;
  const changes = useMemo(
    () => changesWithKeptSasToken(changesFromForm(base, values), values, keptSasToken),
    [base, values, keptSasToken],
  );
  const dirty = hasChanges(changes);
  const valid = useMemo(() => schema.safeParse(values).success, [schema, values]);
  /** The form as it is this instant, copied: react-hook-form hands out its live object. */
  const snapshot = () => structuredClone(form.getValues());

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

  /**
   * `dataset` becomes the base. `before` is the form when the save or read that brought it
   * began: fields typed since stay as edits over it (rebase-form). Returns whether any do.
   */
  const adopt = (dataset: RedactedDataset, before: DatasetFormValues): boolean => {
    const now = snapshot();
    const next = rebaseFormValues({ before, now, next: dataset });
    draft.drop();
    setBase(dataset);
    const editsKept = hasChanges(changesFromForm(dataset, next));
    if (!editsKept) {
      reset(next);
    } else {
      // Only the boxes that must change are set: a reset would rebuild the lists' rows and
      // take the focus (and the next keystrokes) from the box being typed in.
      for (const field of differingFields(now, next)) setValue(field, next[field] as never);
    }
    return editsKept;
  };

  // The form when the conflict dialog opened: what its writes were based on.
  const dialogEdits = useRef<DatasetFormValues | null>(null);
  // The dialog was opened by Review changes, not by a refused save: leaving it is no failure.
  const reviewing = useRef(false);
  const conflict = useSaveConflict({
    connectionId: connection.id,
    save: saver.save,
    onSaved: (dataset) => {
      const editsKept = adopt(dataset, dialogEdits.current ?? snapshot());
      reviewing.current = false;
      setOutcome({ kind: 'saved', editsKept });
    },
    onReload: () => {
      reviewing.current = false;
      void reload();
    },
    onKeepEditing: (error) => {
      if (reviewing.current) {
        reviewing.current = false;
        return;
      }
      setOutcome({ kind: error.kind === 'conflict' ? 'conflict' : 'failed', error });
    },
  });

  /** Hands a 412 or 404 to the conflict dialog, with the form as it is now; whether it did. */
  const openConflict = (
    result: SaveOutcome,
  ): result is Extract<SaveOutcome, { kind: 'conflict' | 'gone' }> => {
    const mine = snapshot();
    const edits = { base, values: mine, usesKeptSasToken: draft.usesKeptSasToken(mine) };
    if (!conflict.takeOver(result, edits)) return false;
    dialogEdits.current = mine;
    reviewing.current = false;
    return true;
  };

  const save = async () => {
    if (busy || !dirty || conflict.isOpen) return;
    if (!valid) {
      void trigger(undefined, { shouldFocus: true });
      return;
    }
    setOutcome(null);
    // What is sent is the form now; typing may go on while the request runs.
    const sent = snapshot();
    const result = await saver.save({
      base,
      changes: changesWithKeptSasToken(changesFromForm(base, sent), sent, keptSasToken),
      useDraftSasToken: draft.usesKeptSasToken(sent),
    });
    if (result.kind === 'saved') {
      const editsKept = adopt(result.dataset, sent);
      setOutcome({ kind: 'saved', editsKept });
      return;
    }
    if (openConflict(result)) return;
    showServiceProblems(setError, result.error);
    setOutcome(result);
  };
  useSaveShortcut(() => void save());

  // A colleague's version arrives with a read (focus, the 30 s re-read). With nothing to
  // lose the form shows it at once and says so; with edits the banner below offers the
  // merge. The list's row the editor opened with is replaced by the first read without a
  // word: that is opening, not news.
  const busyElsewhere = busy || conflict.isOpen;
  const step = newerVersionStep({ base, latest, dirty, busy: busyElsewhere });
  const baseIsListRow = useRef(draft.restored === undefined && latestIsListRow);
  useDatasetReads(connection.id, base.name, (read) => {
    const quietly = baseIsListRow.current;
    baseIsListRow.current = false;
    if (newerVersionStep({ base, latest: read, dirty, busy: busyElsewhere }) !== 'follow') return;
    adopt(read, toFormValues(base));
    if (!quietly) setOutcome({ kind: 'changedOnService' });
  });

  const review = () => {
    const opened = openConflict({
      kind: 'conflict',
      theirs: latest,
      error: {
        kind: 'conflict',
        message: `“${base.name}” changed on the service after you started editing it.`,
      },
    });
    reviewing.current = opened;
  };

  const reload = async () => {
    setAskReload(false);
    setReloading(true);
    setOutcome(null);
    const before = snapshot();
    try {
      adopt(await fetchDataset(), before);
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
        status={savedStatus(outcome, dirty)}
        toolbar={toolbar}
        notices={
          <>
            {refreshError && !outcome ? (
              <ErrorAlert error={refreshError} title="Could not refresh this dataset" />
            ) : null}
            {/* After a refused save the conflict alert already says it, and Save merges. */}
            {step === 'review' && outcome?.kind !== 'conflict' ? (
              <ReviewChangesBanner name={base.name} onReview={review} />
            ) : null}
            {outcome?.kind === 'changedOnService' ? (
              <ChangedOnServiceNotice name={base.name} onDismiss={() => setOutcome(null)} />
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

/** The status line: "Saved" only while it is all saved; it does not hide edits typed on. */
function savedStatus(outcome: EditorOutcome | null, dirty: boolean): string | null {
  if (outcome?.kind !== 'saved') return null;
  if (!dirty) return 'Saved';
  // Beside "Unsaved changes": what was sent is saved, what was typed meanwhile is not.
  return outcome.editsKept ? 'Earlier edits saved' : null;
}
