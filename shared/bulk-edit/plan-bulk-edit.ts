import type { AuthenticationKind } from '../contract/dataset';
import { MAX_ANNOTATION_FILE_URIS, MAX_CUSTOM_PROPERTIES } from '../contract/limits';
import type { MergeFields } from '../merge/merge-types';
import type { BulkOperation } from './bulk-edit-contract';

/**
 * Storage authentication as a bulk edit compares it: the kind, and a fingerprint of the SAS
 * token (never the token). A new token whose fingerprint is not known yet (the page's
 * preview) gets a fingerprint of its own, so it always counts as a change.
 */
export interface ComparableAuthentication {
  kind: AuthenticationKind;
  sasTokenFingerprint?: string;
}

export type BulkFields = MergeFields<ComparableAuthentication>;

export type BulkPlan =
  /** The dataset after the edit, and what changes, in words. */
  | { kind: 'change'; fields: BulkFields; summary: string }
  | { kind: 'same'; summary: string }
  | { kind: 'refused'; reason: string };

const AUTH_WORDS: Record<AuthenticationKind, string> = {
  none: 'none',
  managedIdentity: 'managed identity',
  sas: 'SAS token',
};

const NEW_TOKEN = 'new token';

function sameAuth(
  a: ComparableAuthentication | undefined,
  b: ComparableAuthentication | undefined,
) {
  const kindA = a?.kind ?? 'none';
  const kindB = b?.kind ?? 'none';
  return kindA === kindB && a?.sasTokenFingerprint === b?.sasTokenFingerprint;
}

/**
 * What one dataset becomes under a bulk edit: the same function gives the page's preview and
 * main's PATCH, so what was shown is what is sent. `newTokenFingerprint` is main's fingerprint
 * of a new SAS token; the page has none.
 */
export function planBulkEdit(
  fields: BulkFields,
  operation: BulkOperation,
  newTokenFingerprint?: string,
): BulkPlan {
  const properties = fields.customProperties ?? {};
  const uris = fields.annotationFileUris;
  const next = (change: Partial<BulkFields>): BulkFields => ({ ...fields, ...change });

  switch (operation.kind) {
    case 'setProperty': {
      const before = properties[operation.name];
      if (before === operation.value) {
        return {
          kind: 'same',
          summary: `Property "${operation.name}" is already "${operation.value}".`,
        };
      }
      if (before === undefined && Object.keys(properties).length >= MAX_CUSTOM_PROPERTIES) {
        return {
          kind: 'refused',
          reason: `It has ${MAX_CUSTOM_PROPERTIES} custom properties already, the most the service allows; remove one first.`,
        };
      }
      return {
        kind: 'change',
        fields: next({ customProperties: { ...properties, [operation.name]: operation.value } }),
        summary:
          before === undefined
            ? `Adds property "${operation.name}" = "${operation.value}".`
            : `Property "${operation.name}": "${before}" → "${operation.value}".`,
      };
    }
    case 'removeProperty': {
      if (!Object.hasOwn(properties, operation.name)) {
        return { kind: 'same', summary: `Has no property "${operation.name}".` };
      }
      const rest = { ...properties };
      delete rest[operation.name];
      return {
        kind: 'change',
        fields: next({ customProperties: rest }),
        summary: `Removes property "${operation.name}" (was "${properties[operation.name]}").`,
      };
    }
    case 'setAuthentication': {
      const wanted = operation.authentication;
      const auth: ComparableAuthentication =
        wanted.kind === 'sas'
          ? { kind: 'sas', sasTokenFingerprint: newTokenFingerprint ?? NEW_TOKEN }
          : { kind: wanted.kind };
      if (sameAuth(fields.authentication, auth)) {
        return {
          kind: 'same',
          summary: `Storage authentication is already ${wanted.kind === 'sas' ? 'this SAS token' : AUTH_WORDS[wanted.kind]}.`,
        };
      }
      const before = AUTH_WORDS[fields.authentication?.kind ?? 'none'];
      const after = wanted.kind === 'sas' ? 'the new SAS token' : AUTH_WORDS[wanted.kind];
      return {
        kind: 'change',
        fields: next({ authentication: auth }),
        summary: `Storage authentication: ${before} → ${after}.`,
      };
    }
    case 'addUri': {
      if (uris.includes(operation.uri)) return { kind: 'same', summary: 'Already lists this URI.' };
      if (uris.length >= MAX_ANNOTATION_FILE_URIS) {
        return {
          kind: 'refused',
          reason: `It lists ${MAX_ANNOTATION_FILE_URIS} annotation file URIs already, the most the service allows.`,
        };
      }
      return {
        kind: 'change',
        fields: next({ annotationFileUris: [...uris, operation.uri] }),
        summary: `Adds URI ${operation.uri}.`,
      };
    }
    case 'removeUri': {
      if (!uris.includes(operation.uri))
        return { kind: 'same', summary: 'Does not list this URI.' };
      const rest = uris.filter((uri) => uri !== operation.uri);
      if (rest.length === 0) {
        return {
          kind: 'refused',
          reason: 'This is its only annotation file URI, and a dataset needs one.',
        };
      }
      return {
        kind: 'change',
        fields: next({ annotationFileUris: rest }),
        summary: `Removes URI ${operation.uri}.`,
      };
    }
  }
}

/** A listed (redacted) dataset's fields as a bulk edit sees them. */
export function bulkFieldsOf(dataset: {
  annotationKind: BulkFields['annotationKind'];
  annotationFileUris: string[];
  authentication?: { kind: AuthenticationKind; sasTokenFingerprint?: string } | undefined;
  customProperties?: Record<string, string> | undefined;
}): BulkFields {
  const fields: BulkFields = {
    annotationKind: dataset.annotationKind,
    annotationFileUris: [...dataset.annotationFileUris],
  };
  if (dataset.authentication) {
    const { kind, sasTokenFingerprint } = dataset.authentication;
    fields.authentication =
      sasTokenFingerprint === undefined ? { kind } : { kind, sasTokenFingerprint };
  }
  if (dataset.customProperties) fields.customProperties = { ...dataset.customProperties };
  return fields;
}
