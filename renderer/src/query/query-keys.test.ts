import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { loaded } from '../conflict/test-datasets';
import { createQueryClient } from './query-client';
import { datasetOfKey, queryKeys } from './query-keys';

const dataset = (name: string): RedactedDataset => ({ ...loaded, name });

describe('datasetOfKey', () => {
  it('reads the dataset of a single-dataset key and nothing else', () => {
    expect(datasetOfKey(queryKeys.dataset('c1', 'flowers'))).toEqual({
      connectionId: 'c1',
      name: 'flowers',
    });
    expect(datasetOfKey(queryKeys.datasets('c1'))).toBeUndefined();
    expect(datasetOfKey(queryKeys.connection('c1'))).toBeUndefined();
    expect(datasetOfKey(queryKeys.connections)).toBeUndefined();
  });

  it('reads a dataset named like another key part', () => {
    expect(datasetOfKey(queryKeys.dataset('c1', 'datasets'))).toEqual({
      connectionId: 'c1',
      name: 'datasets',
    });
  });
});

describe('one root per connection', () => {
  function clientWithTwoConnections() {
    const queryClient = createQueryClient();
    for (const id of ['c1', 'c2']) {
      queryClient.setQueryData(queryKeys.datasets(id), [dataset('flowers'), dataset('trees')]);
      queryClient.setQueryData(queryKeys.dataset(id, 'flowers'), dataset('flowers'));
    }
    queryClient.setQueryData(queryKeys.connections, []);
    return queryClient;
  }

  it('holds the list and every dataset of that connection, and nothing of another', () => {
    const queryClient = clientWithTwoConnections();
    const under = (id: string) =>
      queryClient
        .getQueryCache()
        .findAll({ queryKey: queryKeys.connection(id) })
        .map((query) => query.queryKey);
    expect(under('c1')).toEqual([queryKeys.datasets('c1'), queryKeys.dataset('c1', 'flowers')]);
    expect(under('c2')).toEqual([queryKeys.datasets('c2'), queryKeys.dataset('c2', 'flowers')]);
  });

  it('is forgotten with one reset, leaving other connections and the connections list', async () => {
    const queryClient = clientWithTwoConnections();
    await queryClient.resetQueries({ queryKey: queryKeys.connection('c1') });
    expect(queryClient.getQueryData(queryKeys.datasets('c1'))).toBeUndefined();
    expect(queryClient.getQueryData(queryKeys.dataset('c1', 'flowers'))).toBeUndefined();
    expect(queryClient.getQueryData(queryKeys.datasets('c2'))).toHaveLength(2);
    expect(queryClient.getQueryData(queryKeys.dataset('c2', 'flowers'))).toEqual(
      dataset('flowers'),
    );
    expect(queryClient.getQueryData(queryKeys.connections)).toEqual([]);
  });
});
