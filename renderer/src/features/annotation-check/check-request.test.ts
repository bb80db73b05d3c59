import { describe, expect, it } from 'vitest';
import { checkBlocker, isOutdated, urisToCheck } from './check-request';

const A = 'https://acct.blob.core.windows.net/c/a.json';
const B = 'https://acct.blob.core.windows.net/c/b.json';

describe('urisToCheck', () => {
  it('skips empty rows and repeats, keeping the form order', () => {
    expect(urisToCheck(['', B, ` ${A} `, B])).toEqual([B, A]);
  });
});

describe('checkBlocker', () => {
  it('asks for a URI when every row is empty', () => {
    expect(checkBlocker(['', ' '])).toBe('Add an annotation file URI to check it.');
  });

  it('names the row to fix when one is not a usable address', () => {
    expect(checkBlocker([A, 'not a url'])).toBe('Fix URI 2 to check the files.');
    expect(checkBlocker(['http://example.com/a.json'])).toBe('Fix URI 1 to check the files.');
  });

  it('lets a check run with valid rows and empty ones', () => {
    expect(checkBlocker([A, ''])).toBeNull();
    expect(checkBlocker(['http://127.0.0.1:10000/devstoreaccount1/c/a.json'])).toBeNull();
  });
});

describe('isOutdated', () => {
  const checked = { uris: [A, B], kind: 'imageObjectDetection' as const };
  it('holds while the same files of the same kind are in the form', () => {
    expect(isOutdated(checked, { uris: [A, B], kind: 'imageObjectDetection' })).toBe(false);
  });
  it('turns outdated when a URI or the annotation kind changes', () => {
    expect(isOutdated(checked, { uris: [A], kind: 'imageObjectDetection' })).toBe(true);
    expect(isOutdated(checked, { uris: [B, A], kind: 'imageObjectDetection' })).toBe(true);
    expect(isOutdated(checked, { uris: [A, B], kind: 'imageClassification' })).toBe(true);
  });
});
