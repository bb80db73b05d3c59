import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  BulkProgress,
  BulkRow,
  BulkStartRequest,
} from '../../../../shared/bulk-edit/bulk-edit-contract';
import type { AppError } from '../../../../shared/ipc/errors';
import { useApi } from '../../api/api-context';
import { queryKeys } from '../../query/query-keys';

/**
 * One bulk edit: start it (or retry its failed rows), poll main until it ends, stop it. When a
 * run ends the list is read again, so its rows show the new versions (and eTags) the next edit
 * starts from.
 */
export function useBulkEdit(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [starting, setStarting] = useState(false);
  const generation = useRef(0);
  const stopped = useRef<string | null>(null);

  // Closing the dialog while it runs stops it: nothing new starts once nobody watches.
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  const run = useCallback(
    async (request: BulkStartRequest) => {
      const mine = ++generation.current;
      // A retry shows its rows in place of the failed ones, beside the earlier results.
      const earlier = 'retryFailedOf' in request ? (progress?.rows ?? []) : [];
      const show = (next: BulkProgress) => setProgress(withEarlierRows(next, earlier));
      const live = () => generation.current === mine;
      setError(null);
      setStarting(true);
      const started = await api.startBulkEdit(request);
      setStarting(false);
      if (!started.ok) return setError(started.error);
      let current = started.value;
      if (!live()) {
        void api.cancelBulkEdit({ runId: current.runId });
        return;
      }
      show(current);
      while (current.state === 'running') {
        const next = await api.bulkEditProgress({ runId: current.runId });
        if (!live()) {
          void api.cancelBulkEdit({ runId: current.runId });
          return;
        }
        if (!next.ok) return setError(next.error);
        current = next.value;
        if (current.state === 'running' && stopped.current === current.runId) continue;
        show(current);
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.datasets(connectionId) });
    },
    [api, queryClient, connectionId, progress],
  );

  const stop = useCallback(async () => {
    if (progress?.state !== 'running') return;
    stopped.current = progress.runId;
    const answer = await api.cancelBulkEdit({ runId: progress.runId });
    if (answer.ok) setProgress((now) => withEarlierRows(answer.value, now?.rows ?? []));
    else setError(answer.error);
  }, [api, progress]);

  return { progress, error, starting, run, stop };
}

/** The run's rows, each in the place its name had among the earlier results. */
function withEarlierRows(next: BulkProgress, earlier: readonly BulkRow[]): BulkProgress {
  if (earlier.length === 0) return next;
  const fresh = new Map(next.rows.map((row) => [row.name, row]));
  const rows = earlier.map((row) => fresh.get(row.name) ?? row);
  return { ...next, rows };
}
