import type { AuthenticationKind } from '../../../../shared/contract/dataset';
import type { StorageAccess } from '../../../../shared/storage/check-contract';

/** Where a token the page does not hold can come from: main looks it up by the dataset. */
export interface TokenSources {
  /** The dataset as loaded has a SAS token saved on the service. */
  savedSasToken: boolean;
  /** A token typed before a restart is kept with the draft (it wins over a saved one, as in saves). */
  keptSasToken: boolean;
}

export interface AccessFields {
  authKind: AuthenticationKind;
  sasToken: string;
}

export type AccessChoice = { access: StorageAccess } | { problem: string };

/**
 * The access to read the annotation files with, as the form (not the saved dataset) has it:
 * a typed token goes along; an empty SAS box means the token kept with the draft, else the
 * saved one, as a save would take it. A managed identity cannot be used from this machine, so
 * a read SAS typed for the check alone goes with it when there is one.
 */
export function storageAccessOf(
  form: AccessFields,
  sources: TokenSources,
  checkSasToken: string,
): AccessChoice {
  if (form.authKind === 'none') return { access: { kind: 'none' } };
  if (form.authKind === 'managedIdentity') {
    const typed = checkSasToken.trim();
    return {
      access:
        typed === ''
          ? { kind: 'managedIdentity' }
          : { kind: 'managedIdentity', checkSasToken: typed },
    };
  }
  const typed = form.sasToken.trim();
  if (typed !== '') return { access: { kind: 'sas', source: 'typed', sasToken: typed } };
  if (sources.keptSasToken) return { access: { kind: 'sas', source: 'draft' } };
  if (sources.savedSasToken) return { access: { kind: 'sas', source: 'saved' } };
  return { problem: 'Type the SAS token first: the files are read with it.' };
}
