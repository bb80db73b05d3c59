import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { AppError } from '../../../shared/ipc/errors';
import { toAppError } from '../api/app-error';
import { useApi } from '../api/api-context';
import { refreshNow } from '../format/time';
import { queryKeys } from '../query/query-keys';
import { rememberDataset } from './dataset-cache';
import { readAgain } from './read-again';

export type SaveOutcome =
  | { kind: 'saved'; dataset: RedactedDataset }
  /**
   * 412: the dataset changed on the service since `base` was loaded; nothing was written.
   * `theirs` is the dataset as read again, for the merge.
   */
  | { kind: 'conflict'; error: AppError; theirs: RedactedDataset }
  /** 404, on the save or on the read after a 412: someone deleted the dataset. */
  | { kind: 'gone'; error: AppError }
  | { kind: 'failed'; error: AppError };

export interface SaveRequest {
  base: RedactedDataset;
  changes: DatasetChanges;
  /** SAS without a token in `changes` means the token kept with the draft (main has it). */
  useDraftSasToken?: boolean;
}

/**
 * The one save path of the editor: PATCH only the changed fields, guarded by the eTag of
 * `base`. After a 412 the dataset is read again within the same save, so the merge step gets
 * theirs at once; every failure leaves the form as it is.
 */
export function useDatasetSave(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async ({ base, changes, useDraftSasToken }: SaveRequest): Promise<SaveOutcome> => {
      const result = await api.updateDataset({
        connectionId,
        name: base.name,
        ifMatch: base.eTag,
        changes,
        ...(useDraftSasToken ? { useDraftSasToken } : {}),
      });
      if (result.ok) return { kind: 'saved', dataset: result.value };
      const { error } = result;
      if (error.kind === 'notFound') return { kind: 'gone', error };
      if (error.kind !== 'conflict') return { kind: 'failed', error };
      const theirs = await readAgain(api, connectionId, base.name);
      return theirs.kind === 'found' ? { kind: 'conflict', error, theirs: theirs.dataset } : theirs;
    },
    onSuccess: async (outcome, { base }) => {
      if (outcome.kind !== 'saved' && outcome.kind !== 'conflict') return;
      // A background read of this dataset (focus, interval) sent before the write may answer
      // after it with the older version; it is cancelled so it cannot overwrite the newer
      // one, which the editor would then take for a colleague's change.
      await queryClient.cancelQueries({ queryKey: queryKeys.dataset(connectionId, base.name) });
      if (outcome.kind === 'saved') {
        rememberDataset(queryClient, connectionId, outcome.dataset);
        refreshNow();
      }
      // The list shows the service as it is, even while the editor still holds the edits.
      if (outcome.kind === 'conflict') rememberDataset(queryClient, connectionId, outcome.theirs);
    },
  });

  const save = async (request: SaveRequest): Promise<SaveOutcome> => {
    try {
      return await mutation.mutateAsync(request);
    } catch (error) {
      return { kind: 'failed', error: toAppError(error) };
    }
  };

  return { save, isSaving: mutation.isPending, reset: mutation.reset };
}
