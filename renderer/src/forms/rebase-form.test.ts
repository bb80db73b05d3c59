import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { changesFromForm, hasChanges, toFormValues } from './dataset-form';
import type { DatasetFormValues } from './dataset-form';
import { differingFields, rebaseFormValues } from './rebase-form';

const TOKEN = 'sv=2024-05-04&sp=rl&sig=first%3D';
const OTHER_TOKEN = 'sv=2024-05-04&sp=rl&sig=second%3D';
const uri = (n: number) => `https://acct.blob.core.windows.net/c/${n}.json`;

const loaded: RedactedDataset = {
  name: 'flowers',
  annotationKind: 'imageClassification',
  annotationFileUris: [uri(0)],
  authentication: { kind: 'managedIdentity', hasSasToken: false },
  customProperties: { team: 'botany' },
  createdDateTime: '2024-01-01T00:00:00.000Z',
  updatedDateTime: '2024-01-01T00:00:00.000Z',
  eTag: '"1"',
};

/** The form as sent: a new URI and a SAS token over `loaded`. */
const sent: DatasetFormValues = {
  ...toFormValues(loaded),
  uris: [{ value: uri(1) }],
  authKind: 'sas',
  sasToken: TOKEN,
};

/** What the service answered: `loaded` with the sent changes, a new eTag. */
const saved: RedactedDataset = {
  ...loaded,
  annotationFileUris: [uri(1)],
  authentication: { kind: 'sas', hasSasToken: true },
  eTag: '"2"',
};

describe('rebaseFormValues', () => {
  it('leaves nothing to save when nothing was typed during the save, token included', () => {
    const next = rebaseFormValues({ before: sent, now: structuredClone(sent), next: saved });
    expect(next).toEqual(toFormValues(saved));
    expect(hasChanges(changesFromForm(saved, next))).toBe(false);
  });

  it('keeps a property added during the save as the only change over the saved version', () => {
    const now = { ...sent, properties: [...sent.properties, { name: 'stage', value: 'beta' }] };
    const next = rebaseFormValues({ before: sent, now, next: saved });
    expect(next.properties).toEqual(now.properties);
    expect(next.sasToken).toBe('');
    expect(changesFromForm(saved, next)).toEqual({
      customProperties: { team: 'botany', stage: 'beta' },
    });
  });

  it('keeps a SAS token typed over the one being saved', () => {
    const now = { ...sent, sasToken: OTHER_TOKEN };
    const next = rebaseFormValues({ before: sent, now, next: saved });
    expect(next.sasToken).toBe(OTHER_TOKEN);
    expect(changesFromForm(saved, next)).toEqual({
      authentication: { kind: 'sas', sasToken: OTHER_TOKEN },
    });
  });

  it('keeps a field changed again during the save, even back to its loaded value', () => {
    const now = { ...sent, uris: [{ value: uri(0) }] };
    const next = rebaseFormValues({ before: sent, now, next: saved });
    expect(changesFromForm(saved, next)).toEqual({ annotationFileUris: [uri(0)] });
  });

  it('shows the read version in every field left alone, as a reload or a merge brings it', () => {
    const theirs: RedactedDataset = {
      ...loaded,
      annotationKind: 'imageObjectDetection',
      customProperties: { team: 'zoology' },
      eTag: '"3"',
    };
    const before = toFormValues(loaded);
    const now = { ...before, uris: [{ value: uri(7) }] };
    const next = rebaseFormValues({ before, now, next: theirs });
    expect(next).toEqual({ ...toFormValues(theirs), uris: [{ value: uri(7) }] });
  });
});

describe('differingFields', () => {
  it('compares list rows by content, whatever else the rows carry', () => {
    const withIds = {
      ...sent,
      uris: sent.uris.map((row) => ({ ...row, id: 'row-1' })),
    };
    expect(differingFields(sent, withIds)).toEqual([]);
    expect(differingFields(sent, { ...sent, sasToken: '' })).toEqual(['sasToken']);
  });
});
