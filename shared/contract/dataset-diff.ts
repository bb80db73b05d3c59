import type { DatasetFields } from './dataset';

/** The properties a client may change; everything else on a dataset is set by the service. */
export const EDITABLE_PROPERTIES = [
  'annotationKind',
  'annotationFileUris',
  'authentication',
  'customProperties',
] as const satisfies readonly (keyof DatasetFields)[];

export type EditableProperty = (typeof EDITABLE_PROPERTIES)[number];

/**
 * Editable properties to set. A property present with the value `undefined` means "remove it";
 * a property absent means "leave it as it is".
 */
export type DatasetChanges = Partial<DatasetFields>;

/**
 * Equality of JSON values as the service sees them: lists in order, objects regardless of key
 * order, and a property holding `undefined` is the same as no property (JSON drops it).
 */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJsonValue(item, b[index]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keysOfA = definedKeys(a);
  const keysOfB = definedKeys(b);
  if (keysOfA.length !== keysOfB.length) return false;
  return keysOfA.every((key) => Object.hasOwn(b, key) && sameJsonValue(a[key], b[key]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

/** Sets one property, keeping a key whose value is `undefined` (there it means "remove"). */
function setProperty(target: DatasetChanges, key: EditableProperty, value: unknown): void {
  (target as Record<EditableProperty, unknown>)[key] = value;
}

/**
 * The editable properties whose values differ between `base` and `next`, with `next`'s values.
 * Read-only properties (name, dates, eTag) are never part of it, even when they differ.
 */
export function diffDatasetFields(base: DatasetChanges, next: DatasetChanges): DatasetChanges {
  const changes: DatasetChanges = {};
  for (const key of EDITABLE_PROPERTIES) {
    if (!sameJsonValue(base[key], next[key])) setProperty(changes, key, next[key]);
  }
  return changes;
}

/** Only the editable properties that hold a value: what may go into a request body. */
export function pickEditableFields(source: DatasetChanges): DatasetChanges {
  const picked: DatasetChanges = {};
  for (const key of EDITABLE_PROPERTIES) {
    if (source[key] !== undefined) setProperty(picked, key, source[key]);
  }
  return picked;
}

/** The editable fields of `base` after `changes`: what a service that applied them would hold. */
export function applyDatasetChanges(base: DatasetChanges, changes: DatasetChanges): DatasetChanges {
  const result: DatasetChanges = {};
  for (const key of EDITABLE_PROPERTIES) {
    const value = Object.hasOwn(changes, key) ? changes[key] : base[key];
    if (value !== undefined) setProperty(result, key, value);
  }
  return result;
}

/** Whether `dataset` already holds every property of `changes`, e.g. a save whose answer was lost. */
export function holdsChanges(dataset: DatasetChanges, changes: DatasetChanges): boolean {
  return EDITABLE_PROPERTIES.every(
    (key) => !Object.hasOwn(changes, key) || sameJsonValue(dataset[key], changes[key]),
  );
}
