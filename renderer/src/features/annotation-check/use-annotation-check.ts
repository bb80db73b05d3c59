import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import type { CheckProgress } from '../../../../shared/storage/check-contract';
import { useApi } from '../../api/api-context';
import type { CheckedFor } from './check-request';

export type CheckStartRequest = RequestOf<'checks:start'>;

/** One check as the page shows it: what it was asked for, how far it got, or why it failed. */
export interface CheckRun {
  checked: CheckedFor;
  purpose: CheckStartRequest['purpose'];
  /** Null until main answers the start. */
  progress: CheckProgress | null;
  error: AppError | null;
}

/**
 * The editor's annotation check: start one (it replaces the one before, which main stops), ask
 * main for its progress until it ends, cancel it. Leaving the editor stops a check that still
 * runs: nobody would see its result.
 */
export function useAnnotationCheck() {
  const api = useApi();
  const [run, setRun] = useState<CheckRun | null>(null);
  // Each start gets a number: answers for an older one are dropped.
  const generation = useRef(0);
  const runningId = useRef<string | null>(null);
  const cancelledId = useRef<string | null>(null);

  const stopRunning = useCallback(() => {
    const checkId = runningId.current;
    runningId.current = null;
    if (checkId !== null) void api.cancelAnnotationCheck({ checkId });
  }, [api]);

  useEffect(
    () => () => {
      generation.current += 1;
      stopRunning();
    },
    [stopRunning],
  );

  const start = useCallback(
    async (request: CheckStartRequest) => {
      stopRunning();
      const mine = ++generation.current;
      const live = () => generation.current === mine;
      const update = (change: Partial<CheckRun>) =>
        setRun((previous) => (previous && live() ? { ...previous, ...change } : previous));
      setRun({
        checked: { uris: request.uris, kind: request.kind },
        purpose: request.purpose,
        progress: null,
        error: null,
      });
      const started = await api.startAnnotationCheck(request);
      if (!live()) {
        if (started.ok && started.value.state === 'running') {
          void api.cancelAnnotationCheck({ checkId: started.value.checkId });
        }
        return;
      }
      if (!started.ok) return update({ error: started.error });
      let progress = started.value;
      runningId.current = progress.state === 'running' ? progress.checkId : null;
      update({ progress });
      while (progress.state === 'running') {
        const next = await api.annotationCheckProgress({ checkId: progress.checkId });
        if (!live()) return;
        if (!next.ok) {
          runningId.current = null;
          return update({ error: next.error });
        }
        progress = next.value;
        // A poll answered before a cancel must not bring back "running" over its result.
        if (progress.state === 'running' && cancelledId.current === progress.checkId) continue;
        update({ progress });
      }
      runningId.current = null;
    },
    [api, stopRunning],
  );

  const cancel = useCallback(async () => {
    const checkId = runningId.current;
    if (checkId === null) return;
    const mine = generation.current;
    cancelledId.current = checkId;
    const cancelled = await api.cancelAnnotationCheck({ checkId });
    if (generation.current !== mine) return;
    setRun((previous) =>
      previous
        ? cancelled.ok
          ? { ...previous, progress: cancelled.value }
          : { ...previous, error: cancelled.error }
        : previous,
    );
  }, [api]);

  const running =
    run !== null && run.error === null && (run.progress?.state ?? 'running') === 'running';
  return { run, running, start, cancel };
}
