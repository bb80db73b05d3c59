import type { MergeChoices, MergeOutcome } from './merge-types';
import { isMergeSide } from './resolve-merge';
import { sameSidesFor } from './side-values';

/**
 * The picks that still apply after another 412 during "Save merged": a pick carries over only
 * when its field is in conflict in both merges and both sides hold for it what they held when
 * the user picked; otherwise the user has to look again.
 */
export function carryChoices<A>(
  choices: MergeChoices,
  previous: MergeOutcome<A>,
  next: MergeOutcome<A>,
): MergeChoices {
  const carried: MergeChoices = {};
  for (const id of next.conflicts) {
    const side = choices[id];
    if (isMergeSide(side) && previous.conflicts.includes(id) && sameSidesFor(id, previous, next)) {
      carried[id] = side;
    }
  }
  return carried;
}
