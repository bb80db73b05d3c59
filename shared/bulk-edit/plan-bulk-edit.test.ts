import { describe, expect, it } from 'vitest';
import { bulkFieldsOf, planBulkEdit } from './plan-bulk-edit';
import type { BulkFields } from './plan-bulk-edit';

const uri = (n: number) => `https://contoso.blob.core.windows.net/labels/${n}.json`;

const fields = (overrides: Partial<BulkFields> = {}): BulkFields => ({
  annotationKind: 'imageClassification',
  annotationFileUris: [uri(1)],
  customProperties: { team: 'vision' },
  ...overrides,
});

describe('what a dataset becomes under a bulk edit', () => {
  it('adds a property beside the ones it has, or changes its value, saying which', () => {
    const added = planBulkEdit(fields(), { kind: 'setProperty', name: 'stage', value: 'ok' });
    expect(added).toMatchObject({
      kind: 'change',
      fields: { customProperties: { team: 'vision', stage: 'ok' } },
      summary: 'Adds property "stage" = "ok".',
    });
    const changed = planBulkEdit(fields(), { kind: 'setProperty', name: 'team', value: 'ml' });
    expect(changed).toMatchObject({ kind: 'change', summary: 'Property "team": "vision" → "ml".' });
  });

  it('says when nothing would change', () => {
    expect(
      planBulkEdit(fields(), { kind: 'setProperty', name: 'team', value: 'vision' }).kind,
    ).toBe('same');
    expect(planBulkEdit(fields(), { kind: 'removeProperty', name: 'stage' })).toEqual({
      kind: 'same',
      summary: 'Has no property "stage".',
    });
    expect(planBulkEdit(fields(), { kind: 'addUri', uri: uri(1) }).kind).toBe('same');
  });

  it('refuses an 11th property, an 11th URI and removing the only URI', () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, '']));
    expect(
      planBulkEdit(fields({ customProperties: ten }), {
        kind: 'setProperty',
        name: 'stage',
        value: 'x',
      }).kind,
    ).toBe('refused');
    const tenUris = Array.from({ length: 10 }, (_, i) => uri(i));
    expect(
      planBulkEdit(fields({ annotationFileUris: tenUris }), { kind: 'addUri', uri: uri(99) }).kind,
    ).toBe('refused');
    expect(planBulkEdit(fields(), { kind: 'removeUri', uri: uri(1) })).toMatchObject({
      kind: 'refused',
      reason: 'This is its only annotation file URI, and a dataset needs one.',
    });
  });

  it('removes a property and a URI, keeping the rest', () => {
    expect(planBulkEdit(fields(), { kind: 'removeProperty', name: 'team' })).toMatchObject({
      kind: 'change',
      fields: { customProperties: {} },
    });
    const two = fields({ annotationFileUris: [uri(1), uri(2)] });
    expect(planBulkEdit(two, { kind: 'removeUri', uri: uri(1) })).toMatchObject({
      kind: 'change',
      fields: { annotationFileUris: [uri(2)] },
    });
  });

  it('counts a new SAS token as a change, and the same token (by fingerprint) as none', () => {
    const withToken = fields({ authentication: { kind: 'sas', sasTokenFingerprint: 'f1' } });
    const op = {
      kind: 'setAuthentication',
      authentication: { kind: 'sas', sasToken: 't' },
    } as const;
    expect(planBulkEdit(withToken, op)).toMatchObject({
      kind: 'change',
      summary: 'Storage authentication: SAS token → the new SAS token.',
    });
    expect(planBulkEdit(withToken, op, 'f1').kind).toBe('same');
    expect(planBulkEdit(withToken, op, 'f2')).toMatchObject({
      kind: 'change',
      fields: { authentication: { kind: 'sas', sasTokenFingerprint: 'f2' } },
    });
    const none = { kind: 'setAuthentication', authentication: { kind: 'none' } } as const;
    expect(planBulkEdit(fields(), none).kind).toBe('same');
    expect(planBulkEdit(withToken, none)).toMatchObject({
      kind: 'change',
      summary: 'Storage authentication: SAS token → none.',
    });
  });

  it('reads a listed dataset with its token as a fingerprint only', () => {
    expect(
      bulkFieldsOf({
        annotationKind: 'imageClassification',
        annotationFileUris: [uri(1)],
        authentication: { kind: 'sas', sasTokenFingerprint: 'f1' },
      }),
    ).toEqual({
      annotationKind: 'imageClassification',
      annotationFileUris: [uri(1)],
      authentication: { kind: 'sas', sasTokenFingerprint: 'f1' },
    });
  });
});
