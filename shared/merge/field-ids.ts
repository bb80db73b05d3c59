/**
 * Stable ids of the fields a merge reports on. A property key gets its own id so that the
 * user can pick per key; 'customProperties' alone stands for the whole map.
 */
export type PropertyFieldId = `customProperties.${string}`;

export type MergeFieldId =
  'annotationKind' | 'annotationFileUris' | 'authentication' | 'customProperties' | PropertyFieldId;

const PROPERTY_PREFIX = 'customProperties.';

export function propertyFieldId(key: string): PropertyFieldId {
  return `${PROPERTY_PREFIX}${key}`;
}

/** The property key an id stands for; keys may hold dots, so only the prefix is cut. */
export function propertyKeyOf(id: string): string | undefined {
  return id.startsWith(PROPERTY_PREFIX) ? id.slice(PROPERTY_PREFIX.length) : undefined;
}

/** The labels the editor shows, so the dialog names a field the way the form does. */
export const FIELD_LABELS = {
  annotationKind: 'Annotation kind',
  annotationFileUris: 'Annotation file URIs',
  authentication: 'Storage authentication',
  customProperties: 'Custom properties',
} as const;

export function propertyLabel(key: string): string {
  return `Property "${key}"`;
}

export function fieldLabel(id: MergeFieldId): string {
  const key = propertyKeyOf(id);
  if (key !== undefined) return propertyLabel(key);
  return FIELD_LABELS[id as keyof typeof FIELD_LABELS];
}
