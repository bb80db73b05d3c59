import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { HistorySource, HistoryVersion } from '../../../shared/history/history-contract';
import { ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { HistoryStore } from './history-store';

export interface HistoryRecorder {
  /** Passes a read or a save through, keeping the version it brought. */
  seen(
    connectionId: string,
    source: HistorySource,
    pending: Promise<Result<RedactedDataset>>,
  ): Promise<Result<RedactedDataset>>;
  /**
   * Deletes with `remove`, and keeps the version it removed (the one with `ifMatch`, from
   * history or else read first with `read`) once the delete succeeded.
   */
  deleting<T>(
    ref: { connectionId: string; name: string; ifMatch: string },
    read: () => Promise<Result<RedactedDataset>>,
    remove: () => Promise<Result<T>>,
  ): Promise<Result<T>>;
  list(ref: { connectionId: string; name: string }): Result<HistoryVersion[]>;
}

/**
 * History beside the handlers: a failure to keep a version (a full disk) is logged and never
 * fails the request it rides on. Listing pages are not kept: there may be thousands of rows,
 * and a dataset's history starts when it is opened.
 */
export function createHistoryRecorder(
  store: HistoryStore,
  logError: (message: string, error: unknown) => void = () => {},
): HistoryRecorder {
  const keep = (connectionId: string, source: HistorySource, dataset: RedactedDataset) => {
    try {
      store.record({ connectionId, source, dataset });
    } catch (error) {
      logError('Keeping a version of a dataset in history failed', error);
    }
  };

  return {
    async seen(connectionId, source, pending) {
      const result = await pending;
      if (result.ok) keep(connectionId, source, result.value);
      return result;
    },
    async deleting(ref, read, remove) {
      let removed = store
        .list(ref.connectionId, ref.name)
        .find((v) => v.eTag === ref.ifMatch)?.dataset;
      if (!removed) {
        const current = await read();
        if (current.ok && current.value.eTag === ref.ifMatch) removed = current.value;
      }
      const result = await remove();
      if (result.ok && removed) keep(ref.connectionId, 'beforeDelete', removed);
      return result;
    },
    list: (ref) => ok(store.list(ref.connectionId, ref.name)),
  };
}
