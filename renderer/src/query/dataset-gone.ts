import type { QueryClient } from '@tanstack/react-query';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { queryKeys } from './query-keys';

/**
 * The app learned that a dataset is no longer on the service (a 404 on opening, Reload, a
 * re-read, a save or a delete): its row and the count go from the list at once, without a
 * Refresh. The row is taken out of the cached list rather than the list fetched again: a
 * re-list of a large service costs many requests and would blank the grid meanwhile, and the
 * 404 already says all there is to say about this one name.
 */
export function forgetGoneDataset(queryClient: QueryClient, connectionId: string, name: string) {
  queryClient.setQueryData<RedactedDataset[]>(queryKeys.datasets(connectionId), (list) =>
    list?.some((d) => d.name === name) ? list.filter((d) => d.name !== name) : list,
  );
  // The cached copy goes too, unless an editor still shows it: that editor keeps the user's
  // edits (they may register it again), and a query removed under its observer is built anew
  // and asked again at once, which would only 404 again.
  queryClient.removeQueries({
    queryKey: queryKeys.dataset(connectionId, name),
    exact: true,
    type: 'inactive',
  });
}
