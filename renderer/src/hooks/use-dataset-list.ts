import { experimental_streamedQuery as streamedQuery, useQuery } from '@tanstack/react-query';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { DatasetManagerApi } from '../../../shared/ipc/contract';
import { call } from '../api/app-error';
import { useApi } from '../api/api-context';
import { markListingArrived } from '../components/datasets/listing-marks';
import { queryKeys } from '../query/query-keys';

/**
 * Pages as main hands them over: the first as soon as it arrives, then whatever arrived since
 * each time we ask again. Stops asking when the list is no longer wanted.
 */
async function* listingChunks(
  api: DatasetManagerApi,
  connectionId: string,
  signal: AbortSignal,
): AsyncGenerator<RedactedDataset[]> {
  let chunk = await call(api.startDatasetListing({ connectionId }));
  markListingArrived();
  yield chunk.items;
  while (!chunk.done && !signal.aborted) {
    chunk = await call(api.continueDatasetListing({ listingId: chunk.listingId }));
    yield chunk.items;
  }
}

/**
 * Every dataset of a connection, growing while pages arrive: `data` holds what came so far and
 * `isFetching` stays true until the last page, so the list can show rows and progress at once.
 */
export function useDatasetList(connectionId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.datasets(connectionId ?? ''),
    queryFn: streamedQuery<RedactedDataset[], RedactedDataset[]>({
      streamFn: ({ signal }) => listingChunks(api, connectionId ?? '', signal),
      reducer: (all, items) => (items.length === 0 ? all : all.concat(items)),
      initialValue: [],
    }),
    enabled: connectionId !== undefined,
    // A list changes through our own writes (applied to the cache) or on Refresh.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
