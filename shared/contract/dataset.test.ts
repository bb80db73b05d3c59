import { describe, expect, it } from 'vitest';
import {
  DatasetSchema,
  DatasetNameSchema,
  RegisterBodySchema,
  StorageAuthenticationSchema,
  UpdateBodySchema,
} from './dataset';
import { DatasetListPageSchema } from './list-page';
import { ErrorBodySchema } from './error-body';
import { fieldProblems } from './issues';

const uri = (i: number) => `https://contoso.blob.core.windows.net/flowers/train-${i}.json`;
const uris = (n: number) => Array.from({ length: n }, (_, i) => uri(i));

function problemsOf(result: { success: boolean; error?: unknown }) {
  expect(result.success).toBe(false);
  return fieldProblems(result.error as never);
}

describe('dataset name', () => {
  it('accepts 255 characters and refuses 256, saying the limit', () => {
    expect(DatasetNameSchema.safeParse('a'.repeat(255)).success).toBe(true);
    const r = DatasetNameSchema.safeParse('a'.repeat(256));
    expect(problemsOf(r)[0]?.message).toMatch(/at most 255 characters/);
  });

  it('refuses an empty name and names that break the pattern, saying which characters are allowed', () => {
    expect(problemsOf(DatasetNameSchema.safeParse(''))[0]?.message).toMatch(/required/);
    for (const bad of ['-flowers', '.x', 'has space', 'slash/name', 'ünïcode']) {
      expect(problemsOf(DatasetNameSchema.safeParse(bad))[0]?.message).toMatch(
        /letters, digits, "\.", "_" and "-"/,
      );
    }
    for (const good of ['a', '0', 'flowers-v2.1_final', 'A.b-C_d']) {
      expect(DatasetNameSchema.safeParse(good).success).toBe(true);
    }
  });
});

describe('register body', () => {
  const valid = { annotationKind: 'imageClassification', annotationFileUris: uris(1) };

  it('accepts 10 URIs and refuses 11', () => {
    expect(RegisterBodySchema.safeParse({ ...valid, annotationFileUris: uris(10) }).success).toBe(
      true,
    );
    const problems = problemsOf(
      RegisterBodySchema.safeParse({ ...valid, annotationFileUris: uris(11) }),
    );
    expect(problems).toEqual([
      { field: 'annotationFileUris', message: 'At most 10 annotation file URIs.' },
    ]);
  });

  it('refuses a relative URI and a non-http scheme, naming the entry', () => {
    const rel = problemsOf(
      RegisterBodySchema.safeParse({ ...valid, annotationFileUris: [uri(0), 'train/coco.json'] }),
    );
    expect(rel[0]?.field).toBe('annotationFileUris.1');
    expect(rel[0]?.message).toMatch(/absolute https address/);
    const ftp = problemsOf(
      RegisterBodySchema.safeParse({ ...valid, annotationFileUris: ['ftp://host/a.json'] }),
    );
    expect(ftp[0]?.message).toMatch(/"ftp:" is not supported/);
  });

  it('refuses an unknown annotation kind', () => {
    const p = problemsOf(
      RegisterBodySchema.safeParse({ ...valid, annotationKind: 'segmentation' }),
    );
    expect(p[0]?.field).toBe('annotationKind');
    expect(p[0]?.message).toMatch(/imageClassification.*imageObjectDetection/);
  });

  it('refuses an unknown authentication kind', () => {
    const p = problemsOf(
      RegisterBodySchema.safeParse({ ...valid, authentication: { kind: 'accountKey' } }),
    );
    expect(p[0]?.field).toBe('authentication.kind');
  });

  it('refuses a SAS token without kind "sas" and "sas" without a token', () => {
    for (const kind of ['none', 'managedIdentity']) {
      const p = problemsOf(StorageAuthenticationSchema.safeParse({ kind, sasToken: 'sv=1&sig=x' }));
      expect(p).toEqual([
        { field: 'sasToken', message: 'A SAS token is allowed only when the kind is "sas".' },
      ]);
    }
    expect(problemsOf(StorageAuthenticationSchema.safeParse({ kind: 'sas' }))[0]?.message).toMatch(
      /needs a SAS token/,
    );
    expect(
      StorageAuthenticationSchema.safeParse({ kind: 'sas', sasToken: 'sv=2022-11-02&sig=abc' })
        .success,
    ).toBe(true);
  });

  it('refuses a full URL pasted as the SAS token', () => {
    const p = problemsOf(
      StorageAuthenticationSchema.safeParse({
        kind: 'sas',
        sasToken: 'https://contoso.blob.core.windows.net/c?sv=1&sig=x',
      }),
    );
    expect(p[0]?.message).toMatch(/only the token/);
    const q = problemsOf(
      StorageAuthenticationSchema.safeParse({ kind: 'sas', sasToken: '?sv=1&sig=x' }),
    );
    expect(q[0]?.message).toMatch(/leading "\?"/);
  });

  it('accepts 10 custom properties and refuses 11', () => {
    const props = (n: number) => Object.fromEntries(uris(n).map((_, i) => [`k${i}`, `v${i}`]));
    expect(RegisterBodySchema.safeParse({ ...valid, customProperties: props(10) }).success).toBe(
      true,
    );
    const p = problemsOf(RegisterBodySchema.safeParse({ ...valid, customProperties: props(11) }));
    expect(p[0]).toEqual({ field: 'customProperties', message: 'At most 10 custom properties.' });
  });

  it('needs the kind and the files, and refuses unknown properties by name', () => {
    const missing = problemsOf(RegisterBodySchema.safeParse({}));
    expect(missing.map((p) => p.field).sort()).toEqual(['annotationFileUris', 'annotationKind']);
    const unknown = problemsOf(RegisterBodySchema.safeParse({ ...valid, annotationKnd: 'x' }));
    expect(unknown[0]).toEqual({
      field: 'annotationKnd',
      message: 'Unknown property "annotationKnd".',
    });
    const none = problemsOf(RegisterBodySchema.safeParse({ ...valid, annotationFileUris: [] }));
    expect(none[0]).toEqual({
      field: 'annotationFileUris',
      message: 'Add at least one annotation file URI.',
    });
  });

  it('lets read-only properties be echoed but not with a malformed name', () => {
    expect(
      RegisterBodySchema.safeParse({ ...valid, eTag: 'abc', createdDateTime: 'x' }).success,
    ).toBe(true);
    expect(RegisterBodySchema.safeParse({ ...valid, name: 'bad name' }).success).toBe(false);
  });
});

describe('update body', () => {
  it('accepts any subset of the editable properties, even none', () => {
    expect(UpdateBodySchema.safeParse({}).success).toBe(true);
    expect(UpdateBodySchema.safeParse({ annotationKind: 'imageObjectDetection' }).success).toBe(
      true,
    );
    expect(UpdateBodySchema.safeParse({ annotationFileUris: uris(11) }).success).toBe(false);
  });
});

describe('dataset as returned, list page and error body', () => {
  const dataset = {
    name: 'flowers',
    annotationKind: 'imageClassification',
    annotationFileUris: uris(2),
    createdDateTime: '2023-02-01T10:00:00Z',
    updatedDateTime: '2023-02-01T10:00:00.123Z',
    eTag: 'kzktjgnqkjagdlkualdzikaseg',
  };

  it('accepts the contract example and refuses a non-UTC date', () => {
    expect(DatasetSchema.safeParse(dataset).success).toBe(true);
    expect(
      DatasetSchema.safeParse({ ...dataset, createdDateTime: '2023-02-01T10:00:00+02:00' }).success,
    ).toBe(false);
  });

  it('needs an absolute nextLink when one is present', () => {
    expect(DatasetListPageSchema.safeParse({ value: [dataset] }).success).toBe(true);
    expect(
      DatasetListPageSchema.safeParse({
        value: [],
        nextLink: 'http://127.0.0.1:5181/computervision/datasets?skip=10',
      }).success,
    ).toBe(true);
    expect(
      DatasetListPageSchema.safeParse({ value: [], nextLink: '/computervision/datasets?skip=10' })
        .success,
    ).toBe(false);
  });

  it('reads nested error details', () => {
    const body = {
      error: {
        code: 'InvalidRequest',
        message: 'Bad.',
        details: [{ code: 'X', message: 'y', target: 'annotationKind' }],
        innererror: { code: 'A', message: 'b', innererror: { code: 'C', message: 'd' } },
      },
    };
    expect(ErrorBodySchema.parse(body)).toEqual(body);
    expect(ErrorBodySchema.safeParse({ error: { code: 'X' } }).success).toBe(false);
  });
});
