import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_KINDS } from './dataset';
import type { Dataset, DatasetFields } from './dataset';
import {
  applyDatasetChanges,
  diffDatasetFields,
  holdsChanges,
  pickEditableFields,
  sameJsonValue,
} from './dataset-diff';

const base: Dataset = {
  name: 'flowers',
  annotationKind: 'imageClassification',
  annotationFileUris: [
    'https://contoso.blob.core.windows.net/flowers/train.json',
    'https://contoso.blob.core.windows.net/flowers/val.json',
  ],
  authentication: { kind: 'sas', sasToken: 'sv=2022-11-02&sig=abc' },
  customProperties: { team: 'botany', owner: 'ana' },
  createdDateTime: '2023-02-01T10:00:00Z',
  updatedDateTime: '2023-02-01T10:00:00Z',
  eTag: 'kzktjgnqkjagdlkualdzikaseg',
};

describe('diffDatasetFields', () => {
  it('is empty for the same dataset and ignores name, dates and eTag', () => {
    expect(diffDatasetFields(base, structuredClone(base))).toEqual({});
    const reloaded = {
      ...base,
      name: 'other',
      createdDateTime: '2024-01-01T00:00:00Z',
      updatedDateTime: '2024-01-02T00:00:00Z',
      eTag: 'pqhbwjxsdmtnlaekcurvoyigfz',
    };
    expect(diffDatasetFields(base, reloaded)).toEqual({});
  });

  it('sees property maps as equal regardless of key order', () => {
    const reordered = { ...base, customProperties: { owner: 'ana', team: 'botany' } };
    expect(diffDatasetFields(base, reordered)).toEqual({});
    const reorderedAuth = {
      ...base,
      authentication: { sasToken: 'sv=2022-11-02&sig=abc', kind: 'sas' as const },
    };
    expect(diffDatasetFields(base, reorderedAuth)).toEqual({});
  });

  it('sees the order of annotation files as a change', () => {
    const swapped = { ...base, annotationFileUris: [...base.annotationFileUris].reverse() };
    expect(diffDatasetFields(base, swapped)).toEqual({
      annotationFileUris: swapped.annotationFileUris,
    });
  });

  it('gives only the properties that differ, with the new values', () => {
    const next: Dataset = {
      ...base,
      annotationKind: 'imageObjectDetection',
      customProperties: { team: 'botany', owner: 'li' },
    };
    expect(diffDatasetFields(base, next)).toEqual({
      annotationKind: 'imageObjectDetection',
      customProperties: { team: 'botany', owner: 'li' },
    });
  });

  it('sees a changed SAS token, and says a removed property is removed', () => {
    const rotated = { ...base, authentication: { kind: 'sas' as const, sasToken: 'sv=1&sig=new' } };
    expect(diffDatasetFields(base, rotated)).toEqual({ authentication: rotated.authentication });
    const withoutProperties: Dataset = { ...base };
    delete withoutProperties.customProperties;
    const diff = diffDatasetFields(base, withoutProperties);
    expect(Object.keys(diff)).toEqual(['customProperties']);
    expect(diff.customProperties).toBeUndefined();
  });

  it('keeps a diff apart from its inputs', () => {
    const next = { ...base, customProperties: { team: 'zoology' } };
    const diff = diffDatasetFields(base, next);
    expect(diff.customProperties).toEqual({ team: 'zoology' });
    expect(base.customProperties).toEqual({ team: 'botany', owner: 'ana' });
  });
});

describe('pickEditableFields and holdsChanges', () => {
  it('strips read-only and unknown properties and values that are undefined', () => {
    const given = { ...base, authentication: undefined, extra: 'x' } as DatasetFields;
    expect(pickEditableFields(given)).toEqual({
      annotationKind: base.annotationKind,
      annotationFileUris: base.annotationFileUris,
      customProperties: base.customProperties,
    });
  });

  it('tells whether a dataset already holds every property of a change', () => {
    expect(holdsChanges(base, { customProperties: { owner: 'ana', team: 'botany' } })).toBe(true);
    expect(holdsChanges(base, { annotationKind: 'imageObjectDetection' })).toBe(false);
    expect(holdsChanges(base, {})).toBe(true);
  });
});

describe('sameJsonValue', () => {
  it('compares JSON values the way the service stores them', () => {
    expect(sameJsonValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJsonValue([1, 2], [2, 1])).toBe(false);
    expect(sameJsonValue({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameJsonValue(null, {})).toBe(false);
    expect(sameJsonValue('1', 1)).toBe(false);
  });
});

const uriArb = fc.webUrl({ validSchemes: ['https'] });
const authArb = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constantFrom('none' as const, 'managedIdentity' as const) }),
    fc.record({ kind: fc.constant('sas' as const), sasToken: fc.string({ minLength: 1 }) }),
  ),
  { nil: undefined },
);
const fieldsArb: fc.Arbitrary<DatasetFields> = fc
  .record({
    annotationKind: fc.constantFrom(...ANNOTATION_KINDS),
    annotationFileUris: fc.array(uriArb, { maxLength: 10 }),
    authentication: authArb,
    customProperties: fc.option(fc.dictionary(fc.string(), fc.string(), { maxKeys: 10 }), {
      nil: undefined,
    }),
  })
  .map((fields) => pickEditableFields(fields) as DatasetFields);
const datasetArb: fc.Arbitrary<Dataset> = fc
  .tuple(fieldsArb, fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.string({ minLength: 1 }))
  .map(([fields, name, eTag]) => ({
    ...fields,
    name,
    eTag,
    createdDateTime: '2023-02-01T10:00:00Z',
    updatedDateTime: '2023-02-01T10:00:00Z',
  }));

describe('diffDatasetFields properties', () => {
  it('applying the diff to base gives the editable fields of next', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, (x, y) => {
        const applied = applyDatasetChanges(x, diffDatasetFields(x, y));
        expect(sameJsonValue(applied, pickEditableFields(y))).toBe(true);
        expect(holdsChanges(y, diffDatasetFields(x, y))).toBe(true);
      }),
    );
  });

  it('the diff of a dataset with itself, or a copy with shuffled maps, is empty', () => {
    fc.assert(
      fc.property(datasetArb, (x) => {
        expect(diffDatasetFields(x, x)).toEqual({});
        const shuffled = {
          ...x,
          customProperties: x.customProperties
            ? Object.fromEntries(Object.entries(x.customProperties).reverse())
            : undefined,
        };
        expect(diffDatasetFields(x, shuffled)).toEqual({});
      }),
    );
  });

  it('never names a read-only property', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, (x, y) => {
        const keys = Object.keys(diffDatasetFields(x, y));
        for (const key of ['name', 'createdDateTime', 'updatedDateTime', 'eTag']) {
          expect(keys).not.toContain(key);
        }
      }),
    );
  });
});
