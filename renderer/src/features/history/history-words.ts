import { sameJsonValue } from '../../../../shared/contract/dataset-diff';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import { fieldLabel, propertyFieldId } from '../../../../shared/merge/field-ids';
import type { MergeFieldId } from '../../../../shared/merge/field-ids';
import { sideValue } from '../../../../shared/merge/side-values';
import type { HistorySource, HistoryVersion } from '../../../../shared/history/history-contract';
import { mergeFieldsOfDataset } from '../../conflict/dataset-merge-fields';
import { toFormValues } from '../../forms/dataset-form';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { absoluteTime } from '../../format/time';

/** Where a version came from, in words. */
export const SOURCE_WORDS: Record<HistorySource, string> = {
  loaded: 'Read from the service',
  saved: 'Saved in this app',
  theirs: 'The service’s copy at a conflict',
  beforeDelete: 'Before it was deleted',
};

/** A version as a column heading or an option: when the app saw it and where it came from. */
export function versionLabel(version: HistoryVersion): string {
  return `${absoluteTime(version.seenAt)} · ${SOURCE_WORDS[version.source]}`;
}

export interface ComparedField {
  field: MergeFieldId;
  label: string;
  older: unknown;
  newer: unknown;
  changed: boolean;
}

/**
 * The fields of two versions, row by row: the editable ones, then every property either has.
 * A SAS token compares by its fingerprint, the only thing history keeps of it.
 */
export function comparedFields(older: RedactedDataset, newer: RedactedDataset): ComparedField[] {
  const a = mergeFieldsOfDataset(older);
  const b = mergeFieldsOfDataset(newer);
  const keys = [
    ...new Set([
      ...Object.keys(a.customProperties ?? {}),
      ...Object.keys(b.customProperties ?? {}),
    ]),
  ];
  const fields: MergeFieldId[] = [
    'annotationKind',
    'annotationFileUris',
    'authentication',
    ...keys.map(propertyFieldId),
  ];
  return fields.map((field) => {
    const before = sideValue(a, field) ?? null;
    const after = sideValue(b, field) ?? null;
    return {
      field,
      label: fieldLabel(field),
      older: before,
      newer: after,
      changed: !sameJsonValue(before, after),
    };
  });
}

/**
 * What a restore cannot bring back: history keeps a SAS token's fingerprint, never the token.
 * Undefined when the version's token is the one loaded (or it had none).
 */
export function tokenNoteOnRestore(
  version: RedactedDataset,
  loaded: RedactedDataset,
): string | undefined {
  const then = version.authentication;
  if (then?.kind !== 'sas' || !then.hasSasToken) return undefined;
  const now = loaded.authentication;
  if (now?.kind === 'sas' && now.hasSasToken) {
    return now.sasTokenFingerprint === then.sasTokenFingerprint
      ? undefined
      : 'This version used another SAS token, which the app does not keep: restoring keeps the current token. Type the old token to bring it back.';
  }
  return 'This version used a SAS token, which the app does not keep: type the token before you save.';
}

/** The form holding `version`'s fields; an empty token box keeps the token loaded. */
export function restoredFormValues(
  version: RedactedDataset,
  loaded: RedactedDataset,
): DatasetFormValues {
  return { ...toFormValues(version), name: loaded.name };
}
