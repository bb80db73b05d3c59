import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isErrorKind } from '../api/app-error';
import { forgetGoneDataset } from './dataset-gone';
import { datasetOfKey } from './query-keys';

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // Every read of one dataset (opening, Reload, the re-reads) passes here: a 404 from any
      // of them means it was deleted, so the list stops showing it. Writes that meet a 404
      // call forgetGoneDataset themselves (a save's 404 is an outcome, not a thrown error).
      onError: (error, query) => {
        const dataset = datasetOfKey(query.queryKey);
        if (dataset && isErrorKind(error, 'notFound')) {
          forgetGoneDataset(queryClient, dataset.connectionId, dataset.name);
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Main already retries transient failures with backoff and Retry-After; a second
        // layer here would multiply the wait before the user hears anything.
        retry: false,
        // A desktop window gains focus all the time; re-listing thousands of datasets on each
        // focus would be noise. Lists refresh on demand (Refresh) and after our own writes.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
