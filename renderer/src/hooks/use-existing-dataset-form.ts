import { useState } from 'react';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { UnsavedEdits } from '../conflict/conflict-state';
import { formValuesOver } from '../drafts/draft-values';
import { changesWithKeptSasToken } from '../drafts/kept-sas-token';
import { useDraftAutosave } from '../drafts/use-editor-draft';
import type { EditorDraft } from '../drafts/use-editor-draft';
import { changesFromForm, hasChanges, savedSasTokenOf, toFormValues } from '../forms/dataset-form';
import type { DatasetFormValues } from '../forms/dataset-form';
import { differingFields, rebaseFormValues } from '../forms/rebase-form';
import { useDatasetForm } from '../forms/use-dataset-form';
import { useReportUnsavedChanges } from '../navigation/unsaved-changes';
import type { SaveRequest } from './use-dataset-save';

export type ExistingDatasetForm = ReturnType<typeof useExistingDatasetForm>;

/**
 * The form of a saved dataset, over its base: the version the edits apply to, whose eTag
 * guards the save. The base moves only on purpose (save, reload, merge) or when fresher data
 * arrives while nothing is edited; a restored draft brings its own, the version loaded when
 * the editing began. Edits are what differs from the base.
 */
export function useExistingDatasetForm(latest: RedactedDataset, draft: EditorDraft) {
  const [base, setBase] = useState(draft.restored?.base ?? latest);
  // The form opens with the draft's values or the base's. Later it is set only by `adopt`
  // and Discard, never by a change of `base` itself: that would drop whatever was typed
  // while a save ran.
  const [openingValues] = useState(() => formValuesOver(base, draft.restored));
  const { keptSasToken } = draft;
  const changesOf = (values: DatasetFormValues) =>
    changesWithKeptSasToken(changesFromForm(base, values), values, keptSasToken);
  const hasSavedSasToken = savedSasTokenOf(base) || keptSasToken;
  const datasetForm = useDatasetForm({
    mode: 'edit',
    hasSavedSasToken,
    defaultValues: openingValues,
    hasEdits: (values) => hasChanges(changesOf(values)),
  });
  const { form, values, dirty, snapshot } = datasetForm;

  useReportUnsavedChanges(dirty, `“${base.name}”`, draft.dropOnClose);
  useDraftAutosave(draft, { base, values, dirty });

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
      form.reset(next);
    } else {
      // Only the boxes that must change are set: a reset would rebuild the lists' rows and
      // take the focus (and the next keystrokes) from the box being typed in.
      for (const field of differingFields(now, next)) form.setValue(field, next[field] as never);
    }
    return editsKept;
  };

  return {
    ...datasetForm,
    base,
    hasSavedSasToken,
    adopt,
    /** What a save of `values` sends: the changes over the base, guarded by its eTag. */
    saveRequest: (values: DatasetFormValues): SaveRequest => ({
      base,
      changes: changesOf(values),
      useDraftSasToken: draft.usesKeptSasToken(values),
    }),
    /** `values` as the conflict dialog takes them over: edits on the base. */
    editsOf: (values: DatasetFormValues): UnsavedEdits => ({
      base,
      values,
      usesKeptSasToken: draft.usesKeptSasToken(values),
    }),
    /** Discard changes: the draft goes and the form shows the base again. */
    discard: () => {
      draft.drop();
      form.reset(toFormValues(base));
    },
  };
}
