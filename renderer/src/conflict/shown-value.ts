import { ANNOTATION_KIND_LABELS, AUTHENTICATION_LABELS } from '../format/labels';
import type { MergeFieldId } from '../../../shared/merge/field-ids';
import { propertyKeyOf } from '../../../shared/merge/field-ids';
import type { AnnotationKind } from '../../../shared/contract/dataset';
import { TYPED_TOKEN } from './merge-auth';
import type { MergeAuth } from './merge-auth';

/** A value as the dialog shows it: one line per entry, or a dimmed word for nothing. */
export type ShownValue =
  | { kind: 'lines'; lines: string[]; addresses?: boolean; note?: string }
  | { kind: 'absent'; text: string };

const absent = (text: string): ShownValue => ({ kind: 'absent', text });

/** Never the token itself: only whether one is saved or was just typed. */
function shownAuth(auth: MergeAuth | null, loaded: MergeAuth | undefined): ShownValue {
  if (auth === null) return { kind: 'lines', lines: [AUTHENTICATION_LABELS.none] };
  if (auth.kind !== 'sas') return { kind: 'lines', lines: [AUTHENTICATION_LABELS[auth.kind]] };
  if (auth.token === TYPED_TOKEN) return { kind: 'lines', lines: ['SAS token (new, typed)'] };
  if (auth.token === null) return { kind: 'lines', lines: ['SAS token (none saved)'] };
  // Two saved tokens read the same; the note tells them apart.
  const replaced = loaded?.kind === 'sas' && loaded.token !== null && loaded.token !== auth.token;
  return {
    kind: 'lines',
    lines: ['SAS token (saved)'],
    ...(replaced ? { note: 'Not the token you loaded' } : {}),
  };
}

/**
 * `value` is what a merge row holds for `field` on one side. `loaded` is the authentication
 * the editor loaded, so a replaced saved token can be told from the one loaded.
 */
export function shownValue(field: MergeFieldId, value: unknown, loaded?: MergeAuth): ShownValue {
  if (propertyKeyOf(field) !== undefined) {
    if (value === null || value === undefined) return absent('Not set');
    return value === '' ? absent('Empty') : { kind: 'lines', lines: [String(value)] };
  }
  switch (field) {
    case 'annotationKind':
      return { kind: 'lines', lines: [ANNOTATION_KIND_LABELS[value as AnnotationKind]] };
    case 'annotationFileUris': {
      const uris = value as string[];
      return uris.length > 0 ? { kind: 'lines', lines: uris, addresses: true } : absent('No files');
    }
    case 'authentication':
      return shownAuth(value as MergeAuth | null, loaded);
    case 'customProperties': {
      const entries = Object.entries(value as Record<string, string>);
      if (entries.length === 0) return absent('No properties');
      return { kind: 'lines', lines: entries.map(([key, v]) => `${key} = ${v}`) };
    }
  }
  return absent('Not set');
}
