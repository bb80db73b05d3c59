export interface ThreeWayValue<V> {
  /** Whether either side differs from base: only then is the field worth a row. */
  changed: boolean;
  conflict: boolean;
  /** The merged value; theirs on a conflict, as the provisional pick. */
  value: V;
}

/** One side's change wins over no change; the same change on both sides is no conflict. */
export function mergeThreeWay<V>(
  base: V,
  mine: V,
  theirs: V,
  same: (a: V, b: V) => boolean,
): ThreeWayValue<V> {
  const mineChanged = !same(mine, base);
  const theirsChanged = !same(theirs, base);
  if (!theirsChanged) return { changed: mineChanged, conflict: false, value: mine };
  if (!mineChanged || same(mine, theirs)) return { changed: true, conflict: false, value: theirs };
  return { changed: true, conflict: true, value: theirs };
}
