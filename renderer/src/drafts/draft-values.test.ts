import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { EMPTY_DATASET_FORM, toFormValues } from '../forms/dataset-form';
import { draftValuesOf, formValuesOver, restoreDraft, restoresNothing } from './draft-values';
import { changesWithKeptSasToken, usesKeptSasToken } from './kept-sas-token';

const base: RedactedDataset = {
  name: 'flowers',
  annotationKind: 'imageClassification',
  annotationFileUris: ['https://a.blob.core.windows.net/c/train.json'],
  authentication: { kind: 'managedIdentity', hasSasToken: false },
  customProperties: { team: 'botany' },
  createdDateTime: '2024-01-01T00:00:00.000Z',
  updatedDateTime: '2024-01-01T00:00:00.000Z',
  eTag: 'etag-1',
};

function summary(overrides: Partial<DraftSummary>): DraftSummary {
  return {
    connectionId: 'c1',
    datasetName: 'flowers',
    base,
    values: {},
    hasSasToken: false,
    savedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('restoring a draft', () => {
  it('lays the draft over its base, with an empty SAS box', () => {
    const restored = restoreDraft(
      summary({
        values: draftValuesOf({
          ...toFormValues(base),
          annotationKind: 'imageObjectDetection',
          uris: [{ value: 'relative/not-yet-valid' }],
          authKind: 'sas',
          sasToken: 'never stored',
        }),
        hasSasToken: true,
      }),
    );
    expect(restored).toEqual({
      connectionId: 'c1',
      datasetName: 'flowers',
      base,
      values: {
        ...toFormValues(base),
        annotationKind: 'imageObjectDetection',
        uris: [{ value: 'relative/not-yet-valid' }],
        authKind: 'sas',
        sasToken: '',
      },
      hasSasToken: true,
    });
    expect(restored && restoresNothing(restored)).toBe(false);
  });

  it('takes a field the draft lacks from the base, and ignores fields it does not know', () => {
    const restored = restoreDraft(
      summary({ values: { annotationKind: 'imageObjectDetection', x: 1 } }),
    );
    expect(restored?.values).toEqual({
      ...toFormValues(base),
      annotationKind: 'imageObjectDetection',
    });
  });

  it('refuses what no box can show, or a base that is not the dataset', () => {
    expect(restoreDraft(summary({ values: { annotationKind: 'video' } }))).toBeUndefined();
    expect(restoreDraft(summary({ values: { uris: 'https://x' } }))).toBeUndefined();
    expect(restoreDraft(summary({ values: { properties: [{ name: 1 }] } }))).toBeUndefined();
    expect(restoreDraft(summary({ base: null }))).toBeUndefined();
    expect(restoreDraft(summary({ base: { ...base, name: 'other' } }))).toBeUndefined();
  });

  it('a new dataset starts from the empty form', () => {
    const restored = restoreDraft(
      summary({ datasetName: null, base: null, values: { name: 'roses' } }),
    );
    expect(restored?.values).toEqual({ ...EMPTY_DATASET_FORM, name: 'roses' });
    expect(restored?.base).toBeNull();
  });

  it('knows a draft with nothing in it', () => {
    const same = restoreDraft(summary({ values: draftValuesOf(toFormValues(base)) }));
    expect(same && restoresNothing(same)).toBe(true);
    const empty = restoreDraft(
      summary({ datasetName: null, base: null, values: draftValuesOf(EMPTY_DATASET_FORM) }),
    );
    expect(empty && restoresNothing(empty)).toBe(true);
    const onlyToken = restoreDraft(summary({ hasSasToken: true }));
    expect(onlyToken && restoresNothing(onlyToken)).toBe(false);
  });

  it('the form opens with the draft only while the base is the draft’s own', () => {
    const restored = restoreDraft(summary({ values: { annotationKind: 'imageObjectDetection' } }));
    expect(formValuesOver(base, restored).annotationKind).toBe('imageObjectDetection');
    const newer = { ...base, eTag: 'etag-2' };
    expect(formValuesOver(newer, restored)).toEqual(toFormValues(newer));
    expect(formValuesOver(base, undefined)).toEqual(toFormValues(base));
  });
});

describe('the kept SAS token', () => {
  const sas = { ...toFormValues(base), authKind: 'sas' as const };

  it('is used when SAS is chosen and nothing was typed over it', () => {
    expect(usesKeptSasToken(sas, true)).toBe(true);
    expect(usesKeptSasToken({ ...sas, sasToken: 'sig=typed' }, true)).toBe(false);
    expect(usesKeptSasToken({ ...sas, authKind: 'none' }, true)).toBe(false);
    expect(usesKeptSasToken(sas, false)).toBe(false);
  });

  it('counts as a change even when the base already used SAS', () => {
    expect(changesWithKeptSasToken({}, sas, true)).toEqual({ authentication: { kind: 'sas' } });
    expect(changesWithKeptSasToken({}, sas, false)).toEqual({});
  });
});
