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
