import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/errors';
import type { CheckAllProgress } from '../../../../shared/storage/check-all-contract';
import { useApi } from '../../api/api-context';
import { checkAllKey, useCheckAllProgress } from './check-all-query';

/**
 * `Check all datasets` for one connection: start a run, ask main for its progress until it
 * ends (each answer goes to the query cache, where the rows read it), stop it. Leaving the
 * connection stops a run that still goes: nobody would see its rows fill.
 */
export function useCheckAll(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const progress = useCheckAllProgress(connectionId);
  const [error, setError] = useState<AppError | null>(null);
  const [starting, setStarting] = useState(false);
  // Each start gets a number: answers for an older one are dropped.
  const generation = useRef(0);
  const stoppedRunId = useRef<string | null>(null);

  const save = useCallback(
    (next: CheckAllProgress) => queryClient.setQueryData(checkAllKey(connectionId), next),
    [queryClient, connectionId],
  );

  useEffect(
    () => () => {
      generation.current += 1;
      const last = queryClient.getQueryData<CheckAllProgress>(checkAllKey(connectionId));
      if (last?.state !== 'running') return;
      void api.cancelCheckAll({ runId: last.runId }).then((answer) => {
        if (answer.ok) queryClient.setQueryData(checkAllKey(connectionId), answer.value);
      });
    },
    [api, queryClient, connectionId],
  );

  const start = useCallback(async () => {
    const mine = ++generation.current;
    const live = () => generation.current === mine;
    setError(null);
    setStarting(true);
    const started = await api.startCheckAll({ connectionId });
    if (!live()) {
      if (started.ok && started.value.state === 'running') {
        void api.cancelCheckAll({ runId: started.value.runId });
      }
      return;
    }
    setStarting(false);
    if (!started.ok) return setError(started.error);
    let current = started.value;
    save(current);
    while (current.state === 'running') {
      const next = await api.checkAllProgress({ runId: current.runId });
      if (!live()) return;
      if (!next.ok) return setError(next.error);
      current = next.value;
      // A poll answered before Stop must not bring back "running" over its result.
      if (current.state === 'running' && stoppedRunId.current === current.runId) continue;
      save(current);
    }
  }, [api, connectionId, save]);

  const stop = useCallback(async () => {
    const last = queryClient.getQueryData<CheckAllProgress>(checkAllKey(connectionId));
    if (last?.state !== 'running') return;
    stoppedRunId.current = last.runId;
    const answer = await api.cancelCheckAll({ runId: last.runId });
    if (answer.ok) save(answer.value);
    else setError(answer.error);
  }, [api, queryClient, connectionId, save]);

  const running = starting || (progress?.state === 'running' && error === null);
  return { progress, running, error, start, stop };
}
