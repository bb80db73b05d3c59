import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import {
  DEFAULT_SORT,
  filterDatasets,
  matchesFilter,
  nextSort,
  sortDatasets,
} from './dataset-order';

function dataset(
  name: string,
  annotationKind: RedactedDataset['annotationKind'],
  updatedDateTime: string,
  extra: Partial<RedactedDataset> = {},
): RedactedDataset {
  return {
    name,
    annotationKind,
    annotationFileUris: [],
    createdDateTime: '2024-01-01T00:00:00Z',
    updatedDateTime,
    eTag: `etag-${name}`,
    ...extra,
  };
}

const flowers = dataset('flowers', 'imageClassification', '2024-03-01T10:00:00Z', {
  annotationFileUris: ['https://acct.blob.core.windows.net/botany/train-2024.json'],
  customProperties: { team: 'Botany', stage: 'draft' },
});
const pcb = dataset('pcb-defects', 'imageObjectDetection', '2024-05-01T10:00:00Z', {
  annotationFileUris: ['https://acct.blob.core.windows.net/factory/pcb.json'],
});
const apples = dataset('apples', 'imageObjectDetection', '2024-01-01T10:00:00Z');
const item10 = dataset('item-10', 'imageClassification', '2024-03-01T10:00:00Z');
const item9 = dataset('item-9', 'imageClassification', '2024-02-01T10:00:00Z');
const all = [flowers, pcb, apples, item10, item9];
const names = (list: RedactedDataset[]) => list.map((d) => d.name);

describe('matchesFilter', () => {
  it('matches the name, ignoring case and the spaces around the query', () => {
    expect(matchesFilter(flowers, '  FLOW ')).toBe(true);
    expect(matchesFilter(flowers, 'pcb')).toBe(false);
  });

  it('matches the kind in its long and its short wording', () => {
    expect(names(filterDatasets(all, 'object detection'))).toEqual(['pcb-defects', 'apples']);
    expect(matchesFilter(flowers, 'Image classification')).toBe(true);
    expect(matchesFilter(pcb, 'classification')).toBe(false);
  });

  it('matches any part of an annotation file URI', () => {
    expect(names(filterDatasets(all, 'botany/train'))).toEqual(['flowers']);
    expect(names(filterDatasets(all, '/factory/'))).toEqual(['pcb-defects']);
  });

  it('matches property names and values', () => {
    expect(names(filterDatasets(all, 'botany'))).toEqual(['flowers']);
    expect(names(filterDatasets(all, 'stage'))).toEqual(['flowers']);
    expect(names(filterDatasets(all, 'draft'))).toEqual(['flowers']);
  });

  it('keeps everything (the same array) for an empty query and nothing for an unknown one', () => {
    expect(filterDatasets(all, '   ')).toBe(all);
    expect(filterDatasets(all, 'no-such-thing')).toEqual([]);
  });
});

describe('sortDatasets', () => {
  it('sorts names as people read them (item-9 before item-10), both ways', () => {
    expect(names(sortDatasets(all, DEFAULT_SORT))).toEqual([
      'apples',
      'flowers',
      'item-9',
      'item-10',
      'pcb-defects',
    ]);
    expect(names(sortDatasets(all, { column: 'name', direction: 'descending' }))).toEqual([
      'pcb-defects',
      'item-10',
      'item-9',
      'flowers',
      'apples',
    ]);
  });

  it('sorts by kind, ties by name ascending in either direction', () => {
    expect(names(sortDatasets(all, { column: 'kind', direction: 'ascending' }))).toEqual([
      'flowers',
      'item-9',
      'item-10',
      'apples',
      'pcb-defects',
    ]);
    expect(names(sortDatasets(all, { column: 'kind', direction: 'descending' }))).toEqual([
      'apples',
      'pcb-defects',
      'flowers',
      'item-9',
      'item-10',
    ]);
  });

  it('sorts by the updated instant, not by the text', () => {
    const offset = dataset('offset', 'imageClassification', '2024-05-01T11:30:00+02:00');
    expect(
      names(sortDatasets([...all, offset], { column: 'updated', direction: 'descending' })),
    ).toEqual(['pcb-defects', 'offset', 'flowers', 'item-10', 'item-9', 'apples']);
  });

  it('leaves the given array as it was', () => {
    const copy = [...all];
    sortDatasets(all, { column: 'updated', direction: 'ascending' });
    expect(all).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the direction of the same column', () => {
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ column: 'name', direction: 'descending' });
    expect(nextSort({ column: 'name', direction: 'descending' }, 'name')).toEqual(DEFAULT_SORT);
  });

  it('starts another column ascending, Updated newest first', () => {
    expect(nextSort(DEFAULT_SORT, 'kind')).toEqual({ column: 'kind', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'updated')).toEqual({
      column: 'updated',
      direction: 'descending',
    });
  });
});
