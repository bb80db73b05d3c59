import type { BulkProgress, BulkStartRequest } from '../../../shared/bulk-edit/bulk-edit-contract';
import type { Dataset } from '../../../shared/contract/dataset';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { fail } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { DatasetsClient } from '../datasets/client';
import { createCheckRegistry } from '../storage/check-registry';
import { startBulkEdit } from './bulk-edit-job';
import type { BulkJob } from './bulk-edit-job';

/** Runs kept for `Retry failed` (with their operation, token included, in memory only). */
const KEPT_RUNS = 20;

export interface BulkEditServiceDeps {
  clientFor: (connectionId: string) => Promise<Result<DatasetsClient>>;
  fingerprint: (sasToken: string) => string;
  redact: (dataset: Dataset) => RedactedDataset;
  concurrency?: number;
  onUnexpected?: (error: unknown) => void;
  /** Each version a run saw (saved, or theirs after a 412), for History. */
  onVersion?: (connectionId: string, source: 'saved' | 'theirs', dataset: Dataset) => void;
}

/** `bulk:*`: bulk edits run in main and polled like checks (see check-registry). */
export function createBulkEditService(deps: BulkEditServiceDeps) {
  const registry = createCheckRegistry<BulkProgress>({
    goneMessage:
      'This edit is over and its results were let go; select the datasets and edit them again.',
  });
  const runs = new Map<string, { job: BulkJob; connectionId: string }>();

  function keep(runId: string, job: BulkJob, connectionId: string) {
    runs.set(runId, { job, connectionId });
    while (runs.size > KEPT_RUNS) runs.delete(runs.keys().next().value as string);
  }

  async function start(request: BulkStartRequest): Promise<Result<BulkProgress>> {
    const runId = registry.newId();
    let connectionId: string;
    let job: BulkJob;
    if ('retryFailedOf' in request) {
      const earlier = runs.get(request.retryFailedOf);
      if (!earlier || !earlier.job.finished) {
        return fail({
          kind: 'badRequest',
          message:
            'That edit is not finished or was let go; select the datasets and edit them again.',
        });
      }
      const names = earlier.job.failedNames();
      if (names.length === 0) return fail({ kind: 'badRequest', message: 'No dataset failed.' });
      connectionId = earlier.connectionId;
      const client = await deps.clientFor(connectionId);
      if (!client.ok) return client;
      // Fresh bases: each failed dataset is read again, so the edit starts from what it is now.
      job = begin(
        runId,
        connectionId,
        earlier.job.operation,
        names.map((name) => ({ name })),
        client.value,
      );
    } else {
      connectionId = request.connectionId;
      const client = await deps.clientFor(connectionId);
      if (!client.ok) return client;
      job = begin(runId, connectionId, request.operation, request.datasets, client.value);
    }
    keep(runId, job, connectionId);
    return registry.start(job);
  }

  function begin(
    runId: string,
    connectionId: string,
    operation: BulkJob['operation'],
    targets: Parameters<typeof startBulkEdit>[0]['targets'],
    client: DatasetsClient,
  ) {
    return startBulkEdit({
      runId,
      operation,
      targets,
      client,
      fingerprint: deps.fingerprint,
      redact: deps.redact,
      ...(deps.concurrency !== undefined && { concurrency: deps.concurrency }),
      ...(deps.onUnexpected && { onUnexpected: deps.onUnexpected }),
      onVersion: (source, dataset) => deps.onVersion?.(connectionId, source, dataset),
    });
  }

  return {
    start,
    progress: (runId: string) => registry.progress(runId),
    cancel: (runId: string) => registry.cancel(runId),
  };
}
