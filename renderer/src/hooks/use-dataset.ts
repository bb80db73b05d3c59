import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/app-error';
import { useApi } from '../api/api-context';
import { queryKeys } from '../query/query-keys';
import { datasetFromList } from './dataset-cache';

/**
 * The open dataset is read again when the user comes back to the window and every 30 s while
 * the window is visible, so a colleague's save shows up without a click. Only this one query
 * does it: it is one small GET, where re-listing a large service on every focus would not be.
 */
export const OPEN_DATASET_REFRESH = {
  refetchOnWindowFocus: true,
  refetchInterval: 30_000,
  refetchIntervalInBackground: false,
} as const;

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
    ...OPEN_DATASET_REFRESH,
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
