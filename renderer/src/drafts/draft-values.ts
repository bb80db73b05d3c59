import { z } from 'zod';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { DraftSummary } from '../../../shared/ipc/contract';
import {
  EMPTY_DATASET_FORM,
  changesFromForm,
  datasetFormSchema,
  hasChanges,
  toFormValues,
} from '../forms/dataset-form';
import type { DatasetFormValues } from '../forms/dataset-form';

/** A draft as an editor takes it back: its values checked and laid over its base. */
export interface RestoredDraft {
  connectionId: string;
  /** Null for a dataset not registered yet. */
  datasetName: string | null;
  /** The dataset as loaded when editing began; its eTag still guards the save. */
  base: RedactedDataset | null;
  /** With an empty SAS box: a typed token stays in main. */
  values: DatasetFormValues;
  /** Main keeps a token typed before the restart; the page never has it back. */
  hasSasToken: boolean;
}

/*
 * The form's field types without its rules: a draft holds whatever was typed, valid or not,
 * but a value no box can show means the draft is broken. A field it lacks (written by an older
 * version) falls back to the base's.
 */
const DraftValuesSchema = z
  .object(datasetFormSchema({ mode: 'create', hasSavedSasToken: false }).shape)
  .omit({ sasToken: true })
  .partial();

/** What a draft keeps of the form: everything but the typed token, which main keeps apart. */
export function draftValuesOf(values: DatasetFormValues): Record<string, unknown> {
  const { sasToken: _keptApart, ...rest } = values;
  return rest;
}

/** The draft as the form can take it, or undefined when it cannot be read. */
export function restoreDraft(draft: DraftSummary): RestoredDraft | undefined {
  const parsed = DraftValuesSchema.safeParse(draft.values);
  if (!parsed.success) return undefined;
  const base = draft.datasetName === null ? null : draft.base;
  if (draft.datasetName !== null && base?.name !== draft.datasetName) return undefined;
  const values: DatasetFormValues = {
    ...(base ? toFormValues(base) : EMPTY_DATASET_FORM),
    ...parsed.data,
    ...(base ? { name: base.name } : {}),
    sasToken: '',
  };
  return {
    connectionId: draft.connectionId,
    datasetName: draft.datasetName,
    base,
    values,
    hasSasToken: draft.hasSasToken,
  };
}

/** Compared key by key in one order, so where a value came from cannot matter. */
function sameValues(a: DatasetFormValues, b: DatasetFormValues): boolean {
  const comparable = (v: DatasetFormValues) =>
    JSON.stringify([
      v.name,
      v.annotationKind,
      v.uris.map((uri) => uri.value),
      v.authKind,
      v.properties.map((p) => [p.name, p.value]),
    ]);
  return comparable(a) === comparable(b);
}

/** A draft that would open as an untouched form: nothing in it is worth restoring. */
export function restoresNothing(draft: RestoredDraft): boolean {
  if (draft.hasSasToken) return false;
  return draft.base
    ? !hasChanges(changesFromForm(draft.base, draft.values))
    : sameValues(draft.values, EMPTY_DATASET_FORM);
}

/**
 * What the form opens with: the draft's values while the base is still the draft's own, the
 * base's values once the editor moved on to another version (saved, reloaded).
 */
export function formValuesOver(
  base: RedactedDataset,
  restored: RestoredDraft | undefined,
): DatasetFormValues {
  return restored && restored.base === base ? restored.values : toFormValues(base);
}
