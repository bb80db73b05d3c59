import { skipToken, useQuery } from '@tanstack/react-query';
import type { CheckAllProgress } from '../../../../shared/storage/check-all-contract';

/**
 * The last `Check all datasets` run of a connection, as main last answered it: under the
 * connection's root, so it stays after the run and goes when the connection is forgotten.
 * Only the run writes it (setQueryData); nothing fetches it.
 */
export const checkAllKey = (connectionId: string) =>
  ['connection', connectionId, 'check-all'] as const;

export function useCheckAllProgress<T = CheckAllProgress>(
  connectionId: string,
  select?: (progress: CheckAllProgress) => T,
) {
  return useQuery<CheckAllProgress, Error, T>({
    queryKey: checkAllKey(connectionId),
    queryFn: skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    ...(select && { select }),
  }).data;
}
