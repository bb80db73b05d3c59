import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { toFormValues } from './dataset-form';
import type { DatasetFormValues } from './dataset-form';

/*
 * A save (or a reload) takes a while, and the form stays open for typing meanwhile. When it
 * ends, the version it brought becomes the base, and whatever the user typed in the meantime
 * must survive as an edit on top of it, never be replaced by the version's values.
 */

type FormField = keyof DatasetFormValues;

const FIELDS: readonly FormField[] = [
  'name',
  'annotationKind',
  'uris',
  'authKind',
  'sasToken',
  'properties',
];

/** A field's value in a form compared by content: list rows carry no identity of their own. */
function comparable(values: DatasetFormValues, field: FormField): string {
  switch (field) {
    case 'uris':
      return JSON.stringify(values.uris.map((uri) => uri.value));
    case 'properties':
      return JSON.stringify(values.properties.map((p) => [p.name, p.value]));
    default:
      return JSON.stringify(values[field]);
  }
}

/** The fields whose values differ between two forms. */
export function differingFields(a: DatasetFormValues, b: DatasetFormValues): FormField[] {
  return FIELDS.filter((field) => comparable(a, field) !== comparable(b, field));
}

export interface RebaseInput {
  /** The form as it was when the save or reload began. */
  before: DatasetFormValues;
  /** The form as it is now that it ended. */
  now: DatasetFormValues;
  /** The version it brought: the new base. */
  next: RedactedDataset;
}

/**
 * The form over the new base: a field left alone since `before` shows `next`'s value (so a
 * saved edit stops counting as one); a field changed since keeps what was typed.
 *
 * The SAS token box is write-only, so it is judged by itself: the token that went with the
 * save is on the service now and the box empties (empty means "keep the saved one"); a token
 * typed during the save is a new edit and stays.
 */
export function rebaseFormValues({ before, now, next }: RebaseInput): DatasetFormValues {
  const fresh = toFormValues(next);
  const typedSince = new Set(differingFields(before, now));
  const pick = <F extends FormField>(field: F): DatasetFormValues[F] =>
    typedSince.has(field) ? now[field] : fresh[field];
  return {
    // The name is never edited here; it is the dataset's identity.
    name: fresh.name,
    annotationKind: pick('annotationKind'),
    uris: pick('uris'),
    authKind: pick('authKind'),
    sasToken: typedSince.has('sasToken') ? now.sasToken : '',
    properties: pick('properties'),
  };
}
