import { describe, expect, it } from 'vitest';
import { RegisterBodySchema, DatasetSchema } from './dataset';
import {
  AppAnnotationFileUrisSchema,
  AppCustomPropertiesSchema,
  appAnnotationUriProblem,
  placePastedUris,
  splitPastedUris,
} from './input-rules';
import { fieldProblems } from './issues';
import { ipcContract } from '../ipc/contract';

const uri = (i: number) => `https://contoso.blob.core.windows.net/flowers/train-${i}.json`;
const uris = (n: number) => Array.from({ length: n }, (_, i) => uri(i));

function problemsOf(result: { success: boolean; error?: unknown }) {
  expect(result.success).toBe(false);
  return fieldProblems(result.error as never);
}

describe('annotation file URI, as the app takes it', () => {
  it('refuses addresses joined by spaces or line breaks, asking for one per row', () => {
    for (const joined of [`${uri(1)} ${uri(2)}`, `${uri(1)}\n${uri(2)}`, `${uri(1)}\t${uri(2)}`]) {
      expect(appAnnotationUriProblem(joined)).toMatch(/no spaces or line breaks.*own row/);
    }
  });

  it('refuses a control character hidden in an address', () => {
    expect(appAnnotationUriProblem(`${uri(1)}\u0007`)).toMatch(/control characters/);
    expect(appAnnotationUriProblem(`https://contoso.blob\u007f.core.windows.net/a.json`)).toMatch(
      /control characters/,
    );
  });

  it('takes https anywhere and plain http only on a loopback host', () => {
    expect(appAnnotationUriProblem(uri(1))).toBeUndefined();
    for (const local of [
      'http://localhost:10000/devstoreaccount1/c/train.json',
      'http://127.0.0.1:10000/devstoreaccount1/c/train.json',
      'http://[::1]:10000/devstoreaccount1/c/train.json',
    ]) {
      expect(appAnnotationUriProblem(local)).toBeUndefined();
    }
    for (const remote of [
      'http://contoso.blob.core.windows.net/c/train.json',
      'http://10.0.0.5/c/train.json',
      'http://localhost.example.com/c/train.json',
    ]) {
      expect(appAnnotationUriProblem(remote)).toMatch(/Use https/);
    }
  });

  it('refuses a signed URL and says where the token goes', () => {
    const signed = `${uri(1)}?sv=2024-05-04&sp=r&SIG=abc%3D`;
    expect(appAnnotationUriProblem(signed)).toMatch(/carries a SAS token.*Storage authentication/);
    expect(appAnnotationUriProblem(`${uri(1)}?snapshot=2024-01-01`)).toBeUndefined();
  });

  it('refuses a repeated address, naming the row it repeats', () => {
    const list = [uri(1), uri(2), uri(1), uri(2)];
    expect(problemsOf(AppAnnotationFileUrisSchema.safeParse(list))).toEqual([
      { field: '2', message: expect.stringMatching(/^Same as row 1\b/) },
      { field: '3', message: expect.stringMatching(/^Same as row 2\b/) },
    ]);
  });

  it('keeps the service limit of 10 addresses', () => {
    expect(AppAnnotationFileUrisSchema.safeParse(uris(10)).success).toBe(true);
    expect(problemsOf(AppAnnotationFileUrisSchema.safeParse(uris(11)))[0]?.message).toBe(
      'At most 10 annotation file URIs.',
    );
  });
});

describe('annotation file URI, as the service (and the emulator) takes it', () => {
  const body = (annotationFileUris: string[]) => ({
    annotationKind: 'imageClassification',
    annotationFileUris,
  });

  it('accepts plain http and a repeated address, which the contract allows', () => {
    const http = 'http://contoso.blob.core.windows.net/c/a.json';
    expect(RegisterBodySchema.safeParse(body([http, http])).success).toBe(true);
  });

  it('refuses whitespace inside an address, which format "uri" does not allow', () => {
    const p = problemsOf(RegisterBodySchema.safeParse(body([`${uri(1)} ${uri(2)}`])));
    expect(p[0]?.field).toBe('annotationFileUris.0');
  });

  it('still reads a stored dataset whose address holds a space, so it can be opened and fixed', () => {
    const stored = {
      ...body([`${uri(1)} ${uri(2)}`]),
      name: 'flowers',
      createdDateTime: '2023-02-01T10:00:00Z',
      updatedDateTime: '2023-02-01T10:00:00Z',
      eTag: 'e1',
    };
    expect(DatasetSchema.safeParse(stored).success).toBe(true);
  });
});

describe('custom property names, as the app sends them', () => {
  it('refuses a name of spaces alone', () => {
    const p = problemsOf(AppCustomPropertiesSchema.safeParse({ '   ': 'x' }));
    expect(p[0]?.message).toMatch(/cannot be spaces alone/);
  });

  it('refuses an untrimmed name and accepts the trimmed one', () => {
    expect(problemsOf(AppCustomPropertiesSchema.safeParse({ ' team ': 'x' }))[0]?.message).toMatch(
      /spaces around it/,
    );
    expect(AppCustomPropertiesSchema.safeParse({ team: 'x' }).success).toBe(true);
  });
});

describe('splitting a paste into addresses', () => {
  it('splits on line breaks (either kind), spaces, tabs and commas, dropping empty pieces', () => {
    expect(splitPastedUris(`${uri(1)}\r\n${uri(2)}\n\n${uri(3)}\n`)).toEqual(uris(4).slice(1));
    expect(splitPastedUris(` ${uri(1)}, ${uri(2)}\t${uri(3)},`)).toEqual(uris(4).slice(1));
    expect(splitPastedUris(uri(1))).toEqual([uri(1)]);
    expect(splitPastedUris(' \n, ')).toEqual([]);
  });
});

describe('placing pasted addresses in the list', () => {
  it('fills the empty row pasted into and inserts the rest after it', () => {
    expect(placePastedUris(['a', '', 'z'], 1, ['b', 'c'])).toEqual({
      rows: ['a', 'b', 'c', 'z'],
      leftOut: [],
    });
  });

  it('keeps a filled row and inserts every pasted address after it', () => {
    expect(placePastedUris(['a', 'z'], 0, ['b', 'c'])).toEqual({
      rows: ['a', 'b', 'c', 'z'],
      leftOut: [],
    });
  });

  it('stops at 10 rows and returns what did not fit, in order', () => {
    const rows = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', ''];
    const placed = placePastedUris(rows, 8, ['p1', 'p2', 'p3', 'p4']);
    expect(placed.rows).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'p1', 'p2']);
    expect(placed.leftOut).toEqual(['p3', 'p4']);
  });

  it('adds nothing to a full list and leaves out everything pasted', () => {
    const full = uris(10);
    expect(placePastedUris(full, 3, ['x', 'y'])).toEqual({ rows: full, leftOut: ['x', 'y'] });
  });
});

describe('the IPC contract applies the app rules to what the page sends', () => {
  const register = ipcContract['datasets:register'].request;
  const update = ipcContract['datasets:update'].request;
  const request = (fields: Record<string, unknown>) => ({
    connectionId: 'c1',
    name: 'flowers',
    fields: { annotationKind: 'imageClassification', annotationFileUris: [uri(1)], ...fields },
  });

  it('refuses plain http off this machine, a repeated address and a blank property name', () => {
    const http = 'http://contoso.blob.core.windows.net/c/a.json';
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ annotationFileUris: [http] }, /Use https/],
      [{ annotationFileUris: [uri(1), uri(1)] }, /Same as row 1/],
      [{ customProperties: { '  ': 'x' } }, /spaces alone/],
    ];
    for (const [fields, message] of cases) {
      expect(problemsOf(register.safeParse(request(fields)))[0]?.message).toMatch(message);
    }
    expect(register.safeParse(request({ customProperties: { team: 'x' } })).success).toBe(true);
  });

  it('checks an update the same way', () => {
    const changes = { annotationFileUris: [uri(1), uri(1)] };
    const p = problemsOf(
      update.safeParse({ connectionId: 'c1', name: 'flowers', ifMatch: 'e1', changes }),
    );
    expect(p[0]).toEqual({
      field: 'changes.annotationFileUris.1',
      message: expect.stringMatching(/Same as row 1/),
    });
  });
});
