import { useQuery } from '@tanstack/react-query';
import { call } from '../api/app-error';
import { useApi } from '../api/api-context';
import { queryKeys } from '../query/query-keys';

/** What this start of the app knows: mode, version, where keys are kept, notices. */
export function useAppInfo() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => call(api.getAppInfo({})),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
