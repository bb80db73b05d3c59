import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { newerVersionStep } from './newer-version';

const base: RedactedDataset = {
  name: 'flowers',
  annotationKind: 'imageClassification',
  annotationFileUris: ['https://acct.blob.core.windows.net/c/0.json'],
  createdDateTime: '2024-01-01T00:00:00.000Z',
  updatedDateTime: '2024-01-01T00:00:00.000Z',
  eTag: '"1"',
};
const theirs: RedactedDataset = { ...base, annotationKind: 'imageObjectDetection', eTag: '"2"' };

describe('newerVersionStep', () => {
  it('shows a colleague’s version at once while nothing is edited', () => {
    expect(newerVersionStep({ base, latest: theirs, dirty: false, busy: false })).toBe('follow');
  });

  it('offers a review instead while there are edits to lose', () => {
    expect(newerVersionStep({ base, latest: theirs, dirty: true, busy: false })).toBe('review');
  });

  it('does nothing for a re-read of the same version', () => {
    expect(newerVersionStep({ base, latest: { ...base }, dirty: true, busy: false })).toBe('none');
  });

  it('leaves a version that arrives during a save, reload or merge to how that one ends', () => {
    expect(newerVersionStep({ base, latest: theirs, dirty: false, busy: true })).toBe('none');
    expect(newerVersionStep({ base, latest: theirs, dirty: true, busy: true })).toBe('none');
  });
});
