import { sameJsonValue } from '../contract/dataset-diff';
import { MAX_CUSTOM_PROPERTIES } from '../contract/limits';
import { mergeThreeWay } from './three-way-value';

type PropertyMap = Record<string, string>;

export interface PropertyKeyMerge {
  key: string;
  base: string | undefined;
  mine: string | undefined;
  theirs: string | undefined;
  /** The merged value; theirs on a conflict. */
  result: string | undefined;
  conflict: boolean;
}

export interface PropertyMapMerge {
  /** The merged map; theirs when the whole map is in conflict. */
  value: PropertyMap | undefined;
  /** The keys changed on either side, in the order base, theirs, mine first name them. */
  keys: PropertyKeyMerge[];
  /**
   * Whether both sides changed the map and the merged map could exceed the limit: every key
   * that merged to a value counts, and so does every conflicted key, since a pick may keep it.
   */
  tooMany: boolean;
}

export function valueOfKey(map: PropertyMap | undefined, key: string): string | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A copy built from entries, so that a key like "__proto__" stays an ordinary key. */
export function propertyMapOf(entries: Iterable<readonly [string, string]>): PropertyMap {
  return Object.fromEntries(entries) as PropertyMap;
}

/**
 * The map to store for merged entries. An empty result is left absent when either side had
 * no map at all, and kept as `{}` when both had one: the rule reads the same with the sides
 * swapped, and it keeps "no map" from turning into an empty one nobody asked for.
 */
export function finishPropertyMap(
  entries: Iterable<readonly [string, string]>,
  mine: PropertyMap | undefined,
  theirs: PropertyMap | undefined,
): PropertyMap | undefined {
  const map = propertyMapOf(entries);
  if (Object.keys(map).length === 0 && (mine === undefined || theirs === undefined)) {
    return undefined;
  }
  return map;
}

function keysInOrder(...maps: (PropertyMap | undefined)[]): string[] {
  return [...new Set(maps.flatMap((map) => (map ? Object.keys(map) : [])))];
}

/**
 * Merges the custom properties key by key; an absent map counts as empty. A map unchanged on
 * one side gives the other side's map as it is (absent or `{}` included).
 */
export function mergePropertyMaps(
  base: PropertyMap | undefined,
  mine: PropertyMap | undefined,
  theirs: PropertyMap | undefined,
): PropertyMapMerge {
  const keys: PropertyKeyMerge[] = [];
  const merged: [string, string][] = [];
  let mostKeys = 0;
  for (const key of keysInOrder(base, theirs, mine)) {
    const values = {
      base: valueOfKey(base, key),
      mine: valueOfKey(mine, key),
      theirs: valueOfKey(theirs, key),
    };
    const { changed, conflict, value } = mergeThreeWay(
      values.base,
      values.mine,
      values.theirs,
      (a, b) => a === b,
    );
    if (changed) keys.push({ key, ...values, result: value, conflict });
    if (value !== undefined) merged.push([key, value]);
    // A conflicted key differs between the sides, so one of them holds it: count it as kept.
    if (value !== undefined || conflict) mostKeys++;
  }

  const copyOf = (map: PropertyMap | undefined) => map && propertyMapOf(Object.entries(map));
  if (sameJsonValue(theirs, base)) return { value: copyOf(mine), keys, tooMany: false };
  if (sameJsonValue(mine, base)) return { value: copyOf(theirs), keys, tooMany: false };
  if (mostKeys > MAX_CUSTOM_PROPERTIES) return { value: copyOf(theirs), keys, tooMany: true };
  return { value: finishPropertyMap(merged, mine, theirs), keys, tooMany: false };
}
