import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import type { DatasetFormValues } from '../forms/dataset-form';

/*
 * A SAS token typed into a draft is kept by main (encrypted), and after a restart the page
 * knows only that there is one. These rules say when a draft or a save refers to that token.
 */

/** A save should ask main for the kept token: SAS is chosen and nothing was typed over it. */
export function usesKeptSasToken(values: DatasetFormValues, keptSasToken: boolean): boolean {
  return keptSasToken && values.authKind === 'sas' && values.sasToken === '';
}

/**
 * The changes with the kept token in them: it replaces whatever the base held, even when the
 * base already used SAS (otherwise an empty box would mean "keep the saved token").
 */
export function changesWithKeptSasToken(
  changes: DatasetChanges,
  values: DatasetFormValues,
  keptSasToken: boolean,
): DatasetChanges {
  return usesKeptSasToken(values, keptSasToken)
    ? { ...changes, authentication: { kind: 'sas' } }
    : changes;
}

/** At most one of the two; neither leaves the kept token as it is. */
export interface SasTokenInstruction {
  sasToken?: string;
  dropSasToken?: true;
}

/**
 * What a draft save tells main about the token: a typed one is kept with the draft; leaving
 * SAS, or clearing a token this draft sent before, forgets it; an empty box otherwise leaves
 * alone whatever is kept (a token typed before a restart).
 */
export function sasTokenInstruction(
  values: DatasetFormValues,
  sentTypedTokenBefore: boolean,
): SasTokenInstruction {
  if (values.authKind !== 'sas') return { dropSasToken: true };
  if (values.sasToken !== '') return { sasToken: values.sasToken };
  return sentTypedTokenBefore ? { dropSasToken: true } : {};
}
