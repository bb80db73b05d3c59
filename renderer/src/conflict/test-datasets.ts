import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { toFormValues } from '../forms/dataset-form';
import type { DatasetFormValues } from '../forms/dataset-form';

/* Datasets and forms for the conflict tests: a loaded version and what each side made of it. */

export const uri = (n: number) => `https://acct.blob.core.windows.net/c/${n}.json`;

export const TYPED = 'sv=2024-05-04&sp=rl&sig=typedSecret%3D';

export const loaded: RedactedDataset = {
  name: 'flowers',
  annotationKind: 'imageClassification',
  annotationFileUris: [uri(0), uri(1)],
  authentication: { kind: 'sas', hasSasToken: true, sasTokenFingerprint: 'fp-loaded-000000' },
  customProperties: { team: 'botany', stage: 'draft' },
  createdDateTime: '2024-01-01T00:00:00.000Z',
  updatedDateTime: '2024-01-01T00:00:00.000Z',
  eTag: '"1"',
};

/** The service's newer version: `loaded` with `changes`, a new eTag and time. */
export function theirsWith(changes: Partial<RedactedDataset>, eTag = '"2"'): RedactedDataset {
  return { ...loaded, ...changes, eTag, updatedDateTime: '2024-02-01T00:00:00.000Z' };
}

/** The form opened on `loaded`, then edited. */
export function formWith(changes: Partial<DatasetFormValues>): DatasetFormValues {
  return { ...toFormValues(loaded), ...changes };
}

export const properties = (map: Record<string, string>) =>
  Object.entries(map).map(([name, value]) => ({ name, value }));
