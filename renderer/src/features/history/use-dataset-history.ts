import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/app-error';
import { useApi } from '../../api/api-context';
import { queryKeys } from '../../query/query-keys';

/**
 * The versions main kept of one dataset, newest first. Under the connection's key, so it is
 * forgotten with the connection; read again whenever the History tab opens and whenever the
 * editor's version moves (a save, a reload), since both add to it.
 */
export function useDatasetHistory(
  connectionId: string,
  name: string,
  currentETag: string | undefined,
) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.connection(connectionId), 'history', name, currentETag ?? ''],
    queryFn: () => call(api.listDatasetHistory({ connectionId, name })),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
