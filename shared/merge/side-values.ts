import { sameJsonValue } from '../contract/dataset-diff';
import { propertyKeyOf } from './field-ids';
import type { MergeFieldId } from './field-ids';
import type { MergeFields, MergeOutcome, MergeSide } from './merge-types';
import { finishPropertyMap, propertyMapOf, valueOfKey } from './property-map-merge';

/** What one side holds for a field id; absent stays `undefined`. */
export function sideValue<A>(fields: MergeFields<A>, id: MergeFieldId): unknown {
  const key = propertyKeyOf(id);
  if (key !== undefined) return valueOfKey(fields.customProperties, key);
  return fields[id as keyof MergeFields<A>];
}

/** Whether a field holds the same on both sides of two outcomes, so a pick means the same. */
export function sameSidesFor<A>(
  id: MergeFieldId,
  before: MergeOutcome<A>,
  after: MergeOutcome<A>,
): boolean {
  return (
    sameJsonValue(sideValue(before.mine, id), sideValue(after.mine, id)) &&
    sameJsonValue(sideValue(before.theirs, id), sideValue(after.theirs, id))
  );
}

/** `fields` with the chosen side's value for one field id; the inputs are left as they are. */
export function withSideValue<A>(
  fields: MergeFields<A>,
  outcome: MergeOutcome<A>,
  id: MergeFieldId,
  side: MergeSide,
): MergeFields<A> {
  const from = outcome[side];
  const key = propertyKeyOf(id);
  if (key !== undefined) {
    const entries = Object.entries(fields.customProperties ?? {}).filter(([k]) => k !== key);
    const value = valueOfKey(from.customProperties, key);
    if (value !== undefined) entries.push([key, value]);
    const map = finishPropertyMap(
      entries,
      outcome.mine.customProperties,
      outcome.theirs.customProperties,
    );
    return withOptional(fields, 'customProperties', map);
  }
  switch (id) {
    case 'annotationKind':
      return { ...fields, annotationKind: from.annotationKind };
    case 'annotationFileUris':
      return { ...fields, annotationFileUris: [...from.annotationFileUris] };
    case 'authentication':
      return withOptional(fields, 'authentication', from.authentication);
    case 'customProperties': {
      const map = from.customProperties;
      return withOptional(fields, 'customProperties', map && propertyMapOf(Object.entries(map)));
    }
  }
  return fields;
}

function withOptional<A, K extends 'authentication' | 'customProperties'>(
  fields: MergeFields<A>,
  key: K,
  value: MergeFields<A>[K],
): MergeFields<A> {
  const next = { ...fields };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
