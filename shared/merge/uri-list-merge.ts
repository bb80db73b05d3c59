import { MAX_ANNOTATION_FILE_URIS } from '../contract/limits';
import { replacementsBy, uniqueInOrder } from './list-replacements';
import type { MergeConflictReason } from './merge-types';

export interface UriListMerge {
  changed: boolean;
  /** The merged list; theirs when there is a conflict. */
  value: string[];
  conflict?: Extract<MergeConflictReason, 'replacedDifferently' | 'tooManyUris' | 'noUris'>;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry === b[index]);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((entry) => b.has(entry));
}

/**
 * Merges the annotation file lists. A list changed on one side only (or the same way on both)
 * is taken whole, order and all. Otherwise the lists merge as ordered sets of addresses:
 * theirs' entries in theirs' order without the ones mine removed, then mine's additions in
 * mine's order, each address once. The result is in conflict when both sides replaced the same
 * base entry differently (see `replacementsBy`), or when it would hold more than the service
 * allows or nothing at all (the service needs one file, and emptying the list is no one's
 * intent when each side kept some).
 */
export function mergeUriLists(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
): UriListMerge {
  const mineChanged = !sameList(mine, base);
  const theirsChanged = !sameList(theirs, base);
  if (!theirsChanged) return { changed: mineChanged, value: [...mine] };
  if (!mineChanged || sameList(mine, theirs)) return { changed: true, value: [...theirs] };

  const provisional = { changed: true, value: [...theirs] };
  const mineReplaced = replacementsBy(base, mine);
  const theirsReplaced = replacementsBy(base, theirs);
  for (const [entry, byMine] of mineReplaced) {
    const byTheirs = theirsReplaced.get(entry);
    if (byTheirs && !sameSet(byMine, byTheirs)) {
      return { ...provisional, conflict: 'replacedDifferently' };
    }
  }

  const inBase = new Set(base);
  const inMine = new Set(mine);
  const merged = uniqueInOrder(theirs).filter((entry) => !inBase.has(entry) || inMine.has(entry));
  const inMerged = new Set(merged);
  for (const entry of uniqueInOrder(mine)) {
    if (!inBase.has(entry) && !inMerged.has(entry)) merged.push(entry);
  }
  if (merged.length > MAX_ANNOTATION_FILE_URIS) return { ...provisional, conflict: 'tooManyUris' };
  if (merged.length === 0) return { ...provisional, conflict: 'noUris' };
  return { changed: true, value: merged };
}
