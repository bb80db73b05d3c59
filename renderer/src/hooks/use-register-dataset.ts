import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DatasetFields } from '../../../shared/contract/dataset';
import { call } from '../api/app-error';
import { useApi } from '../api/api-context';
import { refreshNow } from '../format/time';
import { rememberDataset } from './dataset-cache';

export function useRegisterDataset(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      name,
      fields,
      useDraftSasToken,
    }: {
      name: string;
      fields: DatasetFields;
      /** SAS without a token in `fields` means the token kept with the draft (main has it). */
      useDraftSasToken?: boolean;
    }) =>
      call(
        api.registerDataset({
          connectionId,
          name,
          fields,
          ...(useDraftSasToken ? { useDraftSasToken } : {}),
        }),
      ),
    onSuccess: (dataset) => {
      rememberDataset(queryClient, connectionId, dataset);
      refreshNow();
    },
  });
}
