import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { DatasetManagerApi } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/errors';
import { toAppError } from '../api/app-error';

export type ReadAgain =
  | { kind: 'found'; dataset: RedactedDataset }
  /** 404: someone deleted it. */
  | { kind: 'gone'; error: AppError }
  | { kind: 'failed'; error: AppError };

/** The dataset as the service holds it now, after a write was refused for being stale. */
export async function readAgain(
  api: DatasetManagerApi,
  connectionId: string,
  name: string,
): Promise<ReadAgain> {
  try {
    const result = await api.getDataset({ connectionId, name, afterConflict: true });
    if (result.ok) return { kind: 'found', dataset: result.value };
    return result.error.kind === 'notFound'
      ? { kind: 'gone', error: result.error }
      : { kind: 'failed', error: result.error };
  } catch (error) {
    return { kind: 'failed', error: toAppError(error) };
  }
}
