/** Each entry once, at its first place: a repeated address names the same file. */
export function uniqueInOrder(list: readonly string[]): string[] {
  return [...new Set(list)];
}

type Step = { op: 'keep' | 'remove' | 'insert'; entry: string };

/**
 * A shortest edit of `base` into `side` (both without repeats), through their longest common
 * subsequence. Where the choice is free, a removal comes before an insertion, so the steps are
 * the same every time for the same two lists.
 */
function editSteps(base: readonly string[], side: readonly string[]): Step[] {
  const width = side.length + 1;
  // common[i * width + j]: length of the longest common subsequence of base[i..] and side[j..]
  const common = new Array<number>((base.length + 1) * width).fill(0);
  const at = (i: number, j: number) => common[i * width + j] ?? 0;
  for (let i = base.length - 1; i >= 0; i--) {
    for (let j = side.length - 1; j >= 0; j--) {
      common[i * width + j] =
        base[i] === side[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < side.length) {
    const fromBase = base[i];
    const fromSide = side[j];
    if (fromBase !== undefined && fromBase === fromSide) {
      steps.push({ op: 'keep', entry: fromBase });
      i++;
      j++;
    } else if (fromBase !== undefined && (fromSide === undefined || at(i + 1, j) >= at(i, j + 1))) {
      steps.push({ op: 'remove', entry: fromBase });
      i++;
    } else if (fromSide !== undefined) {
      steps.push({ op: 'insert', entry: fromSide });
      j++;
    }
  }
  return steps;
}

/**
 * What `side` replaced in `base`: for each replaced base entry, the set of entries that took
 * its place.
 *
 * A side replaces a base entry when, in the edit of base into that side (see `editSteps`), the
 * entry sits in a stretch between kept entries where the side both dropped base entries and
 * put in new ones. Every entry dropped there is replaced by all the new entries of the stretch:
 * inside one stretch nothing tells which new entry stands for which old one, so none is
 * guessed. "Dropped" and "new" are by address: an entry that only moved is neither.
 */
export function replacementsBy(
  base: readonly string[],
  side: readonly string[],
): Map<string, ReadonlySet<string>> {
  const uniqueBase = uniqueInOrder(base);
  const uniqueSide = uniqueInOrder(side);
  const inBase = new Set(uniqueBase);
  const inSide = new Set(uniqueSide);
  const replacements = new Map<string, ReadonlySet<string>>();
  let dropped: string[] = [];
  let added: string[] = [];
  const closeStretch = () => {
    if (dropped.length > 0 && added.length > 0) {
      const by = new Set(added);
      for (const entry of dropped) replacements.set(entry, by);
    }
    dropped = [];
    added = [];
  };
  for (const step of editSteps(uniqueBase, uniqueSide)) {
    if (step.op === 'keep') closeStretch();
    else if (step.op === 'remove' && !inSide.has(step.entry)) dropped.push(step.entry);
    else if (step.op === 'insert' && !inBase.has(step.entry)) added.push(step.entry);
  }
  closeStretch();
  return replacements;
}
