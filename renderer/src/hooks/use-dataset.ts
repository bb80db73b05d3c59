import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/app-error';
import { useApi } from '../api/api-context';
import { queryKeys } from '../query/query-keys';
import { datasetFromList } from './dataset-cache';

/**
 * One dataset, fresh from the service. The row the list already holds is shown at once (and
 * counts as stale), so opening a dataset never waits on a spinner for data we have.
 */
export function useDataset(connectionId: string, name: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.dataset(connectionId, name),
    queryFn: () => call(api.getDataset({ connectionId, name })),
    initialData: () => datasetFromList(queryClient, connectionId, name),
    initialDataUpdatedAt: 0,
    refetchOnMount: 'always',
  });
}

/** Fetches the dataset now, whatever the cache holds: what Reload means. */
export function useFetchDataset(connectionId: string, name: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return () =>
    queryClient.fetchQuery({
      queryKey: queryKeys.dataset(connectionId, name),
      queryFn: () => call(api.getDataset({ connectionId, name })),
      staleTime: 0,
    });
}
