import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { queryKeys } from '../query/query-keys';

/**
 * Calls `onRead` with the dataset each time it is read from the service (opening, Reload, the
 * focus and 30 s re-reads), and not when the app writes its own save's answer into the cache:
 * that is no news. Acting on the arrival itself, rather than on a render that notices a new
 * version, keeps the editor's reaction an event instead of state copied during render.
 */
export function useDatasetReads(
  connectionId: string,
  name: string,
  onRead: (dataset: RedactedDataset) => void,
): void {
  const queryClient = useQueryClient();
  const handle = useEffectEvent(onRead);
  useEffect(() => {
    const hash = hashKey(queryKeys.dataset(connectionId, name));
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryHash !== hash) return;
      const { action } = event;
      // `manual` marks setQueryData: the app's own writes (dataset-cache), not reads.
      if (action.type !== 'success' || action.manual) return;
      const dataset = event.query.state.data as RedactedDataset | undefined;
      if (dataset) handle(dataset);
    });
  }, [queryClient, connectionId, name]);
}
