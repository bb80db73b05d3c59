import type { AnnotationKind, AuthenticationKind } from '../../../shared/contract/dataset';

/** The product's fixed wording (see the UI contract): option texts of the editor. */
export const ANNOTATION_KIND_LABELS: Record<AnnotationKind, string> = {
  imageClassification: 'Image classification',
  imageObjectDetection: 'Image object detection',
};

/** The short form for the list, where space is tight. */
export const ANNOTATION_KIND_SHORT: Record<AnnotationKind, string> = {
  imageClassification: 'Classification',
  imageObjectDetection: 'Object detection',
};

export const AUTHENTICATION_LABELS: Record<AuthenticationKind, string> = {
  none: 'None',
  managedIdentity: 'Managed identity',
  sas: 'SAS token',
};

export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
