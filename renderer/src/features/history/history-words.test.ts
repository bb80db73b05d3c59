import { describe, expect, it } from 'vitest';
import { changesFromForm } from '../../forms/dataset-form';
import { loaded, theirsWith, uri } from '../../conflict/test-datasets';
import { comparedFields, restoredFormValues, tokenNoteOnRestore } from './history-words';

describe('comparing two versions', () => {
  it('marks the fields that differ, every property of either side included', () => {
    const newer = theirsWith({
      annotationFileUris: [uri(0), uri(2)],
      customProperties: { team: 'botany', owner: 'ana' },
    });
    const rows = comparedFields(loaded, newer);
    expect(rows.map((r) => [r.label, r.changed])).toEqual([
      ['Annotation kind', false],
      ['Annotation file URIs', true],
      ['Storage authentication', false],
      ['Property "team"', false],
      ['Property "stage"', true],
      ['Property "owner"', true],
    ]);
    expect(rows.find((r) => r.label === 'Property "stage"')).toMatchObject({
      older: 'draft',
      newer: null,
    });
  });

  it('tells two SAS tokens apart by their fingerprints', () => {
    const newer = theirsWith({
      authentication: { kind: 'sas', hasSasToken: true, sasTokenFingerprint: 'fp-other-0000000' },
    });
    const auth = comparedFields(loaded, newer).find((r) => r.field === 'authentication');
    expect(auth?.changed).toBe(true);
  });
});

describe('restoring a version', () => {
  it('fills the form so that saving sends only what differs from the loaded version', () => {
    const older = theirsWith(
      { annotationKind: 'imageObjectDetection', customProperties: { team: 'x' } },
      '"0"',
    );
    const values = restoredFormValues(older, loaded);
    expect(changesFromForm(loaded, values)).toEqual({
      annotationKind: 'imageObjectDetection',
      customProperties: { team: 'x' },
    });
  });

  it('keeps the current SAS token, and says so, when the version had another', () => {
    const older = theirsWith({
      authentication: { kind: 'sas', hasSasToken: true, sasTokenFingerprint: 'fp-older-0000000' },
    });
    expect(changesFromForm(loaded, restoredFormValues(older, loaded))).toEqual({});
    expect(tokenNoteOnRestore(older, loaded)).toMatch(/restoring keeps the current token/);
    expect(tokenNoteOnRestore(theirsWith({}), loaded)).toBeUndefined();
  });

  it('asks for the token when the loaded version has none', () => {
    const noToken = theirsWith({ authentication: { kind: 'none', hasSasToken: false } });
    expect(tokenNoteOnRestore(loaded, noToken)).toMatch(/type the token before you save/);
  });
});
