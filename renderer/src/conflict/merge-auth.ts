import type { AuthenticationKind } from '../../../shared/contract/dataset';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { DatasetFormValues } from '../forms/dataset-form';

/**
 * Storage authentication as the merge compares it. The page never holds a saved SAS token,
 * only its fingerprint, so `token` is that fingerprint for a saved token, TYPED_TOKEN for one
 * typed into the form (the value itself stays in the form), and null when there is none.
 */
export interface MergeAuth {
  kind: AuthenticationKind;
  token: string | null;
}

/** Fingerprints are 16 base64url characters, so this can never be mistaken for one. */
export const TYPED_TOKEN = '(typed)';

export function authOfDataset(dataset: RedactedDataset): MergeAuth {
  const auth = dataset.authentication;
  const kind = auth?.kind ?? 'none';
  return { kind, token: kind === 'sas' ? (auth?.sasTokenFingerprint ?? null) : null };
}

/**
 * The form's authentication. An empty token box keeps the token `base` was loaded with, unless
 * it stands for a token typed before a restart and kept with the draft: that one is new too.
 */
export function authOfForm(
  values: DatasetFormValues,
  base: RedactedDataset,
  usesKeptSasToken = false,
): MergeAuth {
  if (values.authKind !== 'sas') return { kind: values.authKind, token: null };
  if (values.sasToken !== '' || usesKeptSasToken) return { kind: 'sas', token: TYPED_TOKEN };
  return { kind: 'sas', token: authOfDataset(base).token };
}

export function isTypedToken(auth: MergeAuth | null | undefined): boolean {
  return auth?.kind === 'sas' && auth.token === TYPED_TOKEN;
}
