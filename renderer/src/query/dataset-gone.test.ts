import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { AppErrorException } from '../api/app-error';
import { loaded } from '../conflict/test-datasets';
import { forgetGoneDataset } from './dataset-gone';
import { createQueryClient } from './query-client';
import { queryKeys } from './query-keys';

const dataset = (name: string): RedactedDataset => ({ ...loaded, name });
const LIST = ['birds', 'flowers', 'trees'].map(dataset);

function clientWithList() {
  const queryClient = createQueryClient();
  queryClient.setQueryData(queryKeys.datasets('c1'), LIST);
  queryClient.setQueryData(queryKeys.datasets('c2'), LIST);
  queryClient.setQueryData(queryKeys.dataset('c1', 'flowers'), dataset('flowers'));
  return queryClient;
}

const names = (queryClient: ReturnType<typeof createQueryClient>, connectionId: string) =>
  queryClient.getQueryData<RedactedDataset[]>(queryKeys.datasets(connectionId))?.map((d) => d.name);

describe('a dataset found gone', () => {
  it('leaves the list of its connection, and only that one', () => {
    const queryClient = clientWithList();
    forgetGoneDataset(queryClient, 'c1', 'flowers');
    expect(names(queryClient, 'c1')).toEqual(['birds', 'trees']);
    expect(names(queryClient, 'c2')).toEqual(['birds', 'flowers', 'trees']);
    expect(queryClient.getQueryData(queryKeys.dataset('c1', 'flowers'))).toBeUndefined();
  });

  it('keeps the copy an open editor still shows', () => {
    const queryClient = clientWithList();
    const editor = new QueryObserver(queryClient, {
      queryKey: queryKeys.dataset('c1', 'flowers'),
      queryFn: () => dataset('flowers'),
      staleTime: Number.POSITIVE_INFINITY,
    });
    const stop = editor.subscribe(() => undefined);
    forgetGoneDataset(queryClient, 'c1', 'flowers');
    expect(queryClient.getQueryData(queryKeys.dataset('c1', 'flowers'))).toEqual(
      dataset('flowers'),
    );
    expect(names(queryClient, 'c1')).toEqual(['birds', 'trees']);
    stop();
  });

  it('is forgotten by any read of it that answers 404', async () => {
    const queryClient = clientWithList();
    const notFound = new AppErrorException({ kind: 'notFound', status: 404, message: 'Gone.' });
    await expect(
      queryClient.fetchQuery({
        queryKey: queryKeys.dataset('c1', 'flowers'),
        queryFn: () => Promise.reject(notFound),
      }),
    ).rejects.toBe(notFound);
    expect(names(queryClient, 'c1')).toEqual(['birds', 'trees']);
  });

  it('is not forgotten by a read that failed otherwise', async () => {
    const queryClient = clientWithList();
    const down = new AppErrorException({ kind: 'network', message: 'Unreachable.' });
    await expect(
      queryClient.fetchQuery({
        queryKey: queryKeys.dataset('c1', 'flowers'),
        queryFn: () => Promise.reject(down),
        staleTime: 0,
      }),
    ).rejects.toBe(down);
    expect(names(queryClient, 'c1')).toEqual(['birds', 'flowers', 'trees']);
  });
});
