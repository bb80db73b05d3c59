import type { AnnotationKind } from '../contract/dataset';
import type { MergeFields } from './merge-types';

/** Fields with the absent ones left out, so a result compares and serialises like its inputs. */
export function mergeFieldsOf<A>(values: {
  annotationKind: AnnotationKind;
  annotationFileUris: string[];
  authentication: A | undefined;
  customProperties: Record<string, string> | undefined;
}): MergeFields<A> {
  const fields: MergeFields<A> = {
    annotationKind: values.annotationKind,
    annotationFileUris: values.annotationFileUris,
  };
  if (values.authentication !== undefined) fields.authentication = values.authentication;
  if (values.customProperties !== undefined) fields.customProperties = values.customProperties;
  return fields;
}

/**
 * A copy whose lists and maps are its own, so that an outcome keeps the inputs as they were
 * when merged even if the form edits its values afterwards. Authentication is opaque and kept.
 */
export function copyOfFields<A>(fields: MergeFields<A>): MergeFields<A> {
  return mergeFieldsOf({
    annotationKind: fields.annotationKind,
    annotationFileUris: [...fields.annotationFileUris],
    authentication: fields.authentication,
    customProperties: fields.customProperties && { ...fields.customProperties },
  });
}
