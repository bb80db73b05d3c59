import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ConnectionSummary, RequestOf } from '../../../shared/ipc/contract';
import { call } from '../api/app-error';
import { useApi } from '../api/api-context';
import { queryKeys } from '../query/query-keys';

export function useConnections() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.connections,
    queryFn: () => call(api.listConnections({})),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Datasets read through a connection whose endpoint or key changed may belong elsewhere now:
 * its list and every dataset read through it are dropped (one root), and read again at once
 * where they are on screen.
 */
function forgetDatasetsOf(queryClient: QueryClient, connectionId: string) {
  void queryClient.resetQueries({ queryKey: queryKeys.connection(connectionId) });
}

export function useAddConnection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'connections:add'>) => call(api.addConnection(request)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
}

export function useUpdateConnection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'connections:update'>) => call(api.updateConnection(request)),
    onSuccess: (updated: ConnectionSummary, request) => {
      if (request.endpoint !== undefined || request.key !== undefined) {
        forgetDatasetsOf(queryClient, updated.id);
      }
      return queryClient.invalidateQueries({ queryKey: queryKeys.connections });
    },
  });
}

export function useRemoveConnection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.removeConnection({ id })),
    onSuccess: (_nothing, id) => {
      forgetDatasetsOf(queryClient, id);
      return queryClient.invalidateQueries({ queryKey: queryKeys.connections });
    },
  });
}

/** Tries an endpoint and key (or a saved connection) without saving anything. */
export function useTestConnection() {
  const api = useApi();
  return useMutation({
    mutationFn: (request: RequestOf<'connections:test'>) => call(api.testConnection(request)),
  });
}
