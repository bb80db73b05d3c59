import { describe, expect, it } from 'vitest';
import type { CocoReport, RuleProblems } from '../../../../shared/coco/report';
import { fixableIn, rowIndexOf } from './fixable';

const problem = (rule: string): RuleProblems => ({
  rule,
  title: rule,
  severity: 'error',
  total: 1,
  instances: [{ location: 'x', message: 'y' }],
});

const reportWith = (...rules: string[]) =>
  ({ problems: rules.map(problem) }) as unknown as CocoReport;

describe('fixableIn', () => {
  it('offers a fixed copy for pixel boxes, ids not 1..N and coco_url problems only', () => {
    expect(fixableIn(reportWith('bbox-relative'))).toEqual({ offered: true, needsBaseUrl: false });
    expect(fixableIn(reportWith('ids-one-based'))).toEqual({ offered: true, needsBaseUrl: false });
    expect(fixableIn(reportWith('image-url'))).toEqual({ offered: true, needsBaseUrl: true });
    expect(fixableIn(reportWith('ids-unique', 'image-count')).offered).toBe(false);
    expect(fixableIn(undefined).offered).toBe(false);
  });
});

describe('rowIndexOf', () => {
  it('finds the row however its URI is escaped, ignoring a query string', () => {
    const rows = ['', 'https://a.blob.core.windows.net/c/my file.json?sig=x', 'https://b/c/d.json'];
    expect(rowIndexOf(rows, 'https://a.blob.core.windows.net/c/my%20file.json')).toBe(1);
    expect(rowIndexOf(rows, 'https://a.blob.core.windows.net/c/other.json')).toBe(-1);
  });
});
