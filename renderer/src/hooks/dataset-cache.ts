import type { QueryClient } from '@tanstack/react-query';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { queryKeys } from '../query/query-keys';

/*
 * After our own writes the cache is updated in place rather than re-listed: a re-list of a
 * large service costs many requests, and the write's answer already holds the new dataset.
 */

/** The service lists datasets in ordinal name order (what `<` does); new ones go where it would put them. */
function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function updateList(
  queryClient: QueryClient,
  connectionId: string,
  change: (list: RedactedDataset[]) => RedactedDataset[],
) {
  queryClient.setQueryData<RedactedDataset[]>(queryKeys.datasets(connectionId), (list) =>
    list ? change(list) : list,
  );
}

export function rememberDataset(
  queryClient: QueryClient,
  connectionId: string,
  dataset: RedactedDataset,
) {
  queryClient.setQueryData(queryKeys.dataset(connectionId, dataset.name), dataset);
  updateList(queryClient, connectionId, (list) => {
    const at = list.findIndex((d) => d.name === dataset.name);
    if (at >= 0) return list.with(at, dataset);
    const before = list.findIndex((d) => ordinal(d.name, dataset.name) > 0);
    const next = [...list];
    next.splice(before < 0 ? list.length : before, 0, dataset);
    return next;
  });
}

export function forgetDataset(queryClient: QueryClient, connectionId: string, name: string) {
  queryClient.removeQueries({ queryKey: queryKeys.dataset(connectionId, name), exact: true });
  updateList(queryClient, connectionId, (list) => list.filter((d) => d.name !== name));
}

export function datasetFromList(
  queryClient: QueryClient,
  connectionId: string,
  name: string,
): RedactedDataset | undefined {
  return queryClient
    .getQueryData<RedactedDataset[]>(queryKeys.datasets(connectionId))
    ?.find((d) => d.name === name);
}
