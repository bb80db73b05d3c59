import type { AnnotationKind } from '../contract/dataset';
import type { MergeFieldId, PropertyFieldId } from './field-ids';

/**
 * The editable fields of a dataset as the merge sees them. `A` is the authentication value,
 * opaque to the merge: the page holds the redacted shape, and the form's value when the user
 * typed a new SAS token.
 */
export interface MergeFields<A> {
  annotationKind: AnnotationKind;
  annotationFileUris: string[];
  authentication?: A;
  customProperties?: Record<string, string>;
}

export type MergeSide = 'mine' | 'theirs';

/** The user's pick per conflicted field id. */
export type MergeChoices = Partial<Record<string, MergeSide>>;

export type MergeConflictReason =
  /** Both sides changed the value, each to something else. */
  | 'changedDifferently'
  /** Both sides replaced the same base URI, by different URIs. */
  | 'replacedDifferently'
  /** Both sides' URIs together would be more than the service allows. */
  | 'tooManyUris'
  /** Between them the two sides removed every URI; the service needs one. */
  | 'noUris'
  /** Both sides' properties together could be more than the service allows. */
  | 'tooManyProperties';

interface MergeRowOf<F extends MergeFieldId, V> {
  field: F;
  label: string;
  base: V;
  mine: V;
  theirs: V;
  /** The merged value; for a conflict, theirs until the user picks. */
  result: V;
  conflict: boolean;
  reason?: MergeConflictReason;
}

/**
 * One field that changed on either side. An absent value shows as `null` so the row stays
 * JSON (the dialog renders it); an absent property map shows as `{}`.
 */
export type MergeRow<A> =
  | MergeRowOf<'annotationKind', AnnotationKind>
  | MergeRowOf<'annotationFileUris', string[]>
  | MergeRowOf<'authentication', A | null>
  | MergeRowOf<'customProperties', Record<string, string>>
  | MergeRowOf<PropertyFieldId, string | null>;

export interface MergeOutcome<A> {
  /** The inputs, kept so that choices can be applied and compared later. */
  base: MergeFields<A>;
  mine: MergeFields<A>;
  theirs: MergeFields<A>;
  /** Merged where there is no conflict; theirs where there is one. */
  result: MergeFields<A>;
  rows: MergeRow<A>[];
  /** The field ids of the rows in conflict, in row order: each needs a choice. */
  conflicts: MergeFieldId[];
}

export type ResolvedMerge<A> =
  { ok: true; fields: MergeFields<A> } | { ok: false; missing: MergeFieldId[] };
