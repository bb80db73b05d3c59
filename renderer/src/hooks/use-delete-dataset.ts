import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { call } from '../api/app-error';
import { useApi } from '../api/api-context';
import { forgetDataset } from './dataset-cache';

/** Deletes the dataset as loaded: If-Match keeps us from deleting a version we never saw. */
export function useDeleteDataset(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dataset: RedactedDataset) =>
      call(api.deleteDataset({ connectionId, name: dataset.name, ifMatch: dataset.eTag })),
    onSuccess: (_nothing, dataset) => forgetDataset(queryClient, connectionId, dataset.name),
  });
}
