import { sameJsonValue } from '../../../shared/contract/dataset-diff';
import type { EditableProperty } from '../../../shared/contract/dataset-diff';
import { propertyKeyOf } from '../../../shared/merge/field-ids';
import type { MergeFieldId } from '../../../shared/merge/field-ids';
import type { MergeRow } from '../../../shared/merge/merge-types';
import { overwriteChanges } from './conflict-state';
import type { ConflictOpen } from './conflict-state';
import type { MergeAuth } from './merge-auth';

/** The dataset property a merge row's field is written through. */
function writtenAs(field: MergeFieldId): EditableProperty {
  return propertyKeyOf(field) === undefined ? (field as EditableProperty) : 'customProperties';
}

/**
 * The changes of theirs that Overwrite with mine would throw away: rows where theirs differs
 * from the version the edits began on, and the overwrite writes another value over it.
 *
 * "Writes" is read from the request the overwrite would actually send, not from the rows
 * alone: a saved SAS token the page never held cannot be sent, so theirs' authentication
 * survives an overwrite that keeps it, and listing it as dropped would be a false alarm.
 */
export function overwriteDrops(state: ConflictOpen): MergeRow<MergeAuth>[] {
  const written = overwriteChanges(state);
  return state.outcome.rows.filter(
    (row) =>
      !sameJsonValue(row.theirs, row.base) &&
      !sameJsonValue(row.mine, row.theirs) &&
      Object.hasOwn(written, writtenAs(row.field)),
  );
}
