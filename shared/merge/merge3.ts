import { sameJsonValue } from '../contract/dataset-diff';
import { FIELD_LABELS, propertyFieldId, propertyLabel } from './field-ids';
import type { MergeFieldId } from './field-ids';
import { copyOfFields, mergeFieldsOf } from './merge-fields';
import type { MergeConflictReason, MergeFields, MergeOutcome, MergeRow } from './merge-types';
import { mergePropertyMaps } from './property-map-merge';
import type { PropertyMapMerge } from './property-map-merge';
import { mergeThreeWay } from './three-way-value';
import { mergeUriLists } from './uri-list-merge';

type RowValues<V> = { base: V; mine: V; theirs: V; result: V };

function row<F extends MergeFieldId, V>(
  field: F,
  label: string,
  values: RowValues<V>,
  reason: MergeConflictReason | undefined,
) {
  return { field, label, ...values, conflict: reason !== undefined, ...(reason ? { reason } : {}) };
}

const nullIfAbsent = <V>(value: V | undefined): V | null => (value === undefined ? null : value);

function propertyRows<A>(
  merged: PropertyMapMerge,
  sides: Omit<RowValues<Record<string, string> | undefined>, 'result'>,
): MergeRow<A>[] {
  if (merged.tooMany) {
    const shown = (map: Record<string, string> | undefined) => ({ ...map });
    const values = {
      base: shown(sides.base),
      mine: shown(sides.mine),
      theirs: shown(sides.theirs),
      result: shown(sides.theirs),
    };
    // The whole map is one choice now, so per-key picks would only contradict it.
    return [row('customProperties', FIELD_LABELS.customProperties, values, 'tooManyProperties')];
  }
  return merged.keys.map((key) =>
    row(
      propertyFieldId(key.key),
      propertyLabel(key.key),
      {
        base: nullIfAbsent(key.base),
        mine: nullIfAbsent(key.mine),
        theirs: nullIfAbsent(key.theirs),
        result: nullIfAbsent(key.result),
      },
      key.conflict ? 'changedDifferently' : undefined,
    ),
  );
}

/**
 * Three-way merge of the editable fields after a 412: `base` as loaded, `mine` from the form,
 * `theirs` as read again. Gives the merged fields, a row per field (or property key) that
 * changed on either side, and the ids of the fields that need the user's pick.
 */
export function merge3<A>(
  base: MergeFields<A>,
  mine: MergeFields<A>,
  theirs: MergeFields<A>,
): MergeOutcome<A> {
  const rows: MergeRow<A>[] = [];

  const kind = mergeThreeWay(
    base.annotationKind,
    mine.annotationKind,
    theirs.annotationKind,
    (a, b) => a === b,
  );
  if (kind.changed) {
    const values = {
      base: base.annotationKind,
      mine: mine.annotationKind,
      theirs: theirs.annotationKind,
      result: kind.value,
    };
    const reason = kind.conflict ? 'changedDifferently' : undefined;
    rows.push(row('annotationKind', FIELD_LABELS.annotationKind, values, reason));
  }

  const uris = mergeUriLists(
    base.annotationFileUris,
    mine.annotationFileUris,
    theirs.annotationFileUris,
  );
  if (uris.changed) {
    const values = {
      base: [...base.annotationFileUris],
      mine: [...mine.annotationFileUris],
      theirs: [...theirs.annotationFileUris],
      result: [...uris.value],
    };
    rows.push(row('annotationFileUris', FIELD_LABELS.annotationFileUris, values, uris.conflict));
  }

  // Kind and SAS token move together: a token typed for one kind means nothing for another.
  const auth = mergeThreeWay(
    base.authentication,
    mine.authentication,
    theirs.authentication,
    sameJsonValue,
  );
  if (auth.changed) {
    const values = {
      base: nullIfAbsent(base.authentication),
      mine: nullIfAbsent(mine.authentication),
      theirs: nullIfAbsent(theirs.authentication),
      result: nullIfAbsent(auth.value),
    };
    const reason = auth.conflict ? 'changedDifferently' : undefined;
    rows.push(row('authentication', FIELD_LABELS.authentication, values, reason));
  }

  const properties = mergePropertyMaps(
    base.customProperties,
    mine.customProperties,
    theirs.customProperties,
  );
  rows.push(
    ...propertyRows<A>(properties, {
      base: base.customProperties,
      mine: mine.customProperties,
      theirs: theirs.customProperties,
    }),
  );

  return {
    base: copyOfFields(base),
    mine: copyOfFields(mine),
    theirs: copyOfFields(theirs),
    result: mergeFieldsOf({
      annotationKind: kind.value,
      annotationFileUris: uris.value,
      authentication: auth.value,
      customProperties: properties.value,
    }),
    rows,
    conflicts: rows.filter((r) => r.conflict).map((r) => r.field),
  };
}
