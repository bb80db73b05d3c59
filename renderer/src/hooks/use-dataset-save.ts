import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { AppError } from '../../../shared/ipc/errors';
import { call, toAppError } from '../api/app-error';
import { useApi } from '../api/api-context';
import { refreshNow } from '../format/time';
import { rememberDataset } from './dataset-cache';

export type SaveOutcome =
  | { kind: 'saved'; dataset: RedactedDataset }
  /** 412: the dataset changed on the service since `base` was loaded; nothing was written. */
  | { kind: 'conflict'; error: AppError }
  | { kind: 'failed'; error: AppError };

export interface SaveRequest {
  base: RedactedDataset;
  changes: DatasetChanges;
}

/**
 * The one save path of the editor: PATCH only the changed fields, guarded by the eTag the
 * editor loaded. A 412 comes back as its own outcome so a merge step can take over there
 * without touching the form; every failure leaves the form as it is.
 */
export function useDatasetSave(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ base, changes }: SaveRequest) =>
      call(
        api.updateDataset({
          connectionId,
          name: base.name,
          ifMatch: base.eTag,
          changes,
        }),
      ),
    onSuccess: (saved) => {
      rememberDataset(queryClient, connectionId, saved);
      refreshNow();
    },
  });

  const save = async (request: SaveRequest): Promise<SaveOutcome> => {
    try {
      return { kind: 'saved', dataset: await mutation.mutateAsync(request) };
    } catch (error) {
      const appError = toAppError(error);
      return appError.kind === 'conflict'
        ? { kind: 'conflict', error: appError }
        : { kind: 'failed', error: appError };
    }
  };

  return { save, isSaving: mutation.isPending, reset: mutation.reset };
}
