import type { MergeFieldId } from './field-ids';
import type { MergeChoices, MergeOutcome, MergeSide, ResolvedMerge } from './merge-types';
import { withSideValue } from './side-values';

export function isMergeSide(value: unknown): value is MergeSide {
  return value === 'mine' || value === 'theirs';
}

/**
 * The fields to save once the user has picked a side for every conflict. Picks for fields not
 * in conflict are ignored: the merge already settled them.
 */
export function resolveMerge<A>(outcome: MergeOutcome<A>, choices: MergeChoices): ResolvedMerge<A> {
  const missing: MergeFieldId[] = outcome.conflicts.filter((id) => !isMergeSide(choices[id]));
  if (missing.length > 0) return { ok: false, missing };
  let fields = outcome.result;
  for (const id of outcome.conflicts) {
    const side = choices[id];
    if (isMergeSide(side)) fields = withSideValue(fields, outcome, id, side);
  }
  return { ok: true, fields };
}
