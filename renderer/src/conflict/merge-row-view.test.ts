import { describe, expect, it } from 'vitest';
import { merge3 } from '../../../shared/merge/merge3';
import { mergeFieldsOfDataset } from './dataset-merge-fields';
import { changedBy, rowResult } from './merge-row-view';
import { loaded, theirsWith, uri } from './test-datasets';

const base = mergeFieldsOfDataset(loaded);
const rowOf = (mine: typeof base, theirs: typeof base, field: string) => {
  const row = merge3(base, mine, theirs).rows.find((r) => r.field === field);
  if (!row) throw new Error(`no row for ${field}`);
  return row;
};

describe('a row of the conflict table', () => {
  it('says where a settled result comes from', () => {
    const mine = { ...base, annotationKind: 'imageObjectDetection' as const };
    expect(rowResult(rowOf(mine, base, 'annotationKind'), {})).toEqual({
      chosen: true,
      value: 'imageObjectDetection',
      source: 'yours',
    });
    expect(changedBy(rowOf(mine, base, 'annotationKind'))).toBe('You changed it.');
    expect(rowResult(rowOf(base, mine, 'annotationKind'), {})).toMatchObject({
      source: 'theirs',
    });
    expect(changedBy(rowOf(base, mine, 'annotationKind'))).toBe('They changed it.');
    expect(rowResult(rowOf(mine, mine, 'annotationKind'), {})).toMatchObject({ source: 'both' });
  });

  it('calls a list built from both sides merged', () => {
    const mine = { ...base, annotationFileUris: [uri(0), uri(1), uri(5)] };
    const theirs = mergeFieldsOfDataset(theirsWith({ annotationFileUris: [uri(1)] }));
    expect(rowResult(rowOf(mine, theirs, 'annotationFileUris'), {})).toEqual({
      chosen: true,
      value: [uri(1), uri(5)],
      source: 'merged',
    });
  });

  it('has no result for a conflict until a side is picked, then that side', () => {
    const row = rowOf(
      { ...base, customProperties: { team: 'a', stage: 'draft' } },
      { ...base, customProperties: { team: 'b', stage: 'draft' } },
      'customProperties.team',
    );
    expect(changedBy(row)).toBe('Both of you changed it, differently.');
    expect(rowResult(row, {})).toEqual({ chosen: false });
    expect(rowResult(row, { 'customProperties.team': 'mine' })).toEqual({
      chosen: true,
      value: 'a',
      source: 'yours',
    });
    expect(rowResult(row, { 'customProperties.team': 'theirs' })).toMatchObject({ value: 'b' });
  });
});
