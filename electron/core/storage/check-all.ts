import { plural } from '../../../shared/coco/wording';
import type { Dataset } from '../../../shared/contract/dataset';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type {
  CheckAllProgress,
  DatasetCheckResult,
} from '../../../shared/storage/check-all-contract';
import { isSettledOutcome } from '../../../shared/storage/check-all-contract';
import type { CheckProgress } from '../../../shared/storage/check-contract';
import { startAnnotationCheck } from './annotation-check';
import type { CheckJob } from './annotation-check';
import { parseBlobUrl, withoutQuery } from './blob-url';
import { createCheckAllCache, filesUnchanged } from './check-all-cache';
import type { CachedFile, CheckAllCache } from './check-all-cache';
import { createCheckRegistry } from './check-registry';
import type { CheckRegistryOptions, PolledJob } from './check-registry';
import { redactSecrets } from './redact-secrets';
import { resolveAccess } from './storage-access';
import type { ResolvedAccess } from './storage-access';
import { createChangeSignal } from './change-signal';

/** Datasets checked at once: each reads its sample of images 8 at a time already. */
export const CHECK_ALL_CONCURRENCY = 3;

type Purpose = 'training' | 'evaluation';

export interface CheckAllInput {
  runId: string;
  connectionId: string;
  purpose: Purpose;
  /** Every dataset of the connection, as the service lists them (saved tokens included). */
  datasets: readonly Dataset[];
  fetch: typeof fetch;
  cache: CheckAllCache;
  concurrency?: number;
  /** Told of a failure no rule explains (a bug), for the log; never shown to the page. */
  onUnexpected?: (error: unknown) => void;
}

export const MANAGED_IDENTITY_NOT_CHECKED =
  "Not checked: the service reads this dataset's files with its own managed identity, which this app cannot use. Open the dataset and check its files with a SAS token typed for the check.";
export const STOPPED = 'Stopped before this dataset was checked.';
export const UNCHANGED = 'Its files are unchanged since last check, so that result was kept.';

class Stopped extends Error {}

const result = (
  name: string,
  outcome: DatasetCheckResult['outcome'],
  summary: string,
  counts: Partial<DatasetCheckResult> = {},
): DatasetCheckResult => ({
  name,
  outcome,
  errorCount: 0,
  warningCount: 0,
  unreachableImages: 0,
  summary,
  fromCache: false,
  ...counts,
});

/** The dataset's saved access, resolved by the same rules as a check started in the editor. */
async function accessOf(dataset: Dataset, connectionId: string): Promise<Result<ResolvedAccess>> {
  const kind = dataset.authentication?.kind ?? 'none';
  if (kind === 'none') return ok({ source: 'none' });
  return resolveAccess(
    kind === 'sas' ? { kind: 'sas', source: 'saved' } : { kind: 'managedIdentity' },
    { connectionId, datasetName: dataset.name },
    {
      savedDataset: async () => ok(dataset),
      draft: () => undefined,
      draftToken: async () =>
        fail({ kind: 'internal', message: 'A check of every dataset uses no draft.' }),
    },
  );
}

/** One dataset's outcome from its finished file check: the worst of what was found, in words. */
export function resultOfCheck(name: string, progress: CheckProgress): DatasetCheckResult {
  if (progress.state === 'cancelled') return result(name, 'cancelled', STOPPED);
  let errorCount = 0;
  let warningCount = 0;
  let unreachableImages = 0;
  for (const file of progress.files) {
    errorCount += file.report?.errorCount ?? 0;
    warningCount += file.report?.warningCount ?? 0;
    unreachableImages += file.images?.unreachableTotal ?? 0;
  }
  const counts = { errorCount, warningCount, unreachableImages };
  const failed = progress.files.find((file) => file.state === 'failed' && file.problem);
  if (failed?.problem) {
    return result(
      name,
      'unreachable',
      `${failed.name} could not be read. ${failed.problem.message}`,
      counts,
    );
  }
  const files = plural(progress.files.length, 'annotation file');
  const images =
    unreachableImages > 0
      ? ` ${plural(unreachableImages, 'sampled image')} could not be read${firstUnreachable(progress)}.`
      : '';
  if (errorCount > 0) {
    const warnings = warningCount > 0 ? ` and ${plural(warningCount, 'warning')}` : '';
    return result(
      name,
      'errors',
      `${plural(errorCount, 'error')}${warnings} in ${files}.${images}`,
      counts,
    );
  }
  if (unreachableImages > 0) {
    return result(name, 'unreachable', `No errors in ${files}, but${images}`, counts);
  }
  if (warningCount > 0) {
    return result(
      name,
      'warnings',
      `${plural(warningCount, 'warning')} in ${files}, no errors.`,
      counts,
    );
  }
  return result(
    name,
    'ok',
    `No problems found in ${files}; the sampled images can be read.`,
    counts,
  );
}

function firstUnreachable(progress: CheckProgress): string {
  for (const file of progress.files) {
    const image = file.images?.unreachable[0];
    if (image) return `, e.g. ${image.fileName} (${image.problem.message.replace(/\.$/, '')})`;
  }
  return '';
}

/**
 * Checks every dataset of a connection, CHECK_ALL_CONCURRENCY at a time, each with its own
 * saved access and the same check as `Check annotation files` (a sample of images). A dataset
 * whose eTag and files' ETags are those of its last check keeps that result without its files
 * being read again.
 */
export function startCheckAll(input: CheckAllInput): PolledJob<CheckAllProgress> {
  const controller = new AbortController();
  const { signal } = controller;
  const rows: DatasetCheckResult[] = input.datasets.map((d) =>
    result(d.name, 'waiting', 'Waiting to be checked.'),
  );
  const running = new Set<CheckJob>();
  let state: CheckAllProgress['state'] = 'running';

  const updates = createChangeSignal();
  const touch = updates.touch;
  const throwIfStopped = () => {
    if (signal.aborted) throw new Stopped();
  };

  /** Runs the file check, and notes each annotation file's ETag as its GET answers. */
  async function checkFiles(
    dataset: Dataset,
    access: ResolvedAccess,
  ): Promise<{ progress: CheckProgress; files: CachedFile[] }> {
    const fileUrls = new Set(
      dataset.annotationFileUris.flatMap((uri) => {
        const parsed = parseBlobUrl(uri);
        return parsed.ok ? [parsed.value.url] : [];
      }),
    );
    const etags = new Map<string, string>();
    const noting: typeof fetch = async (url, init) => {
      const response = await input.fetch(url, init);
      const clean = withoutQuery(String(url));
      const etag = response.headers.get('etag');
      if ((init?.method ?? 'GET') === 'GET' && response.ok && etag && fileUrls.has(clean)) {
        etags.set(clean, etag);
      }
      return response;
    };
    const job = startAnnotationCheck({
      checkId: `${input.runId}:${dataset.name}`,
      uris: dataset.annotationFileUris,
      kind: dataset.annotationKind,
      purpose: input.purpose,
      images: 'sample',
      access,
      fetch: noting,
      ...(input.onUnexpected && { onUnexpected: input.onUnexpected }),
    });
    running.add(job);
    try {
      await job.settled;
    } finally {
      running.delete(job);
    }
    const progress = job.snapshot();
    const files = [...fileUrls].flatMap((url) => {
      const etag = etags.get(url);
      return etag ? [{ url, etag }] : [];
    });
    return { progress, files: files.length === fileUrls.size ? files : [] };
  }

  async function checkDataset(index: number): Promise<void> {
    const dataset = input.datasets[index]!;
    const set = (row: DatasetCheckResult) => {
      rows[index] = row;
      touch();
    };
    if (dataset.authentication?.kind === 'managedIdentity') {
      return set(result(dataset.name, 'notChecked', MANAGED_IDENTITY_NOT_CHECKED));
    }
    set(result(dataset.name, 'checking', 'Checking…'));
    const access = await accessOf(dataset, input.connectionId);
    throwIfStopped();
    if (!access.ok)
      return set(result(dataset.name, 'notChecked', `Not checked: ${access.error.message}`));
    const token = access.value.sasToken;

    const cached = input.cache.get(input.connectionId, dataset.name);
    if (
      cached &&
      cached.datasetETag === dataset.eTag &&
      cached.purpose === input.purpose &&
      (await filesUnchanged(cached.files, access.value, input.fetch, signal))
    ) {
      throwIfStopped();
      return set({
        ...cached.result,
        summary: `${cached.result.summary} ${UNCHANGED}`,
        fromCache: true,
      });
    }
    throwIfStopped();

    const { progress, files } = await checkFiles(dataset, access.value);
    throwIfStopped();
    const row = redactSecrets(resultOfCheck(dataset.name, progress), token);
    // A file that could not be read is read again next time: it may be there by then.
    const keep = files.length > 0 && !progress.files.some((file) => file.state === 'failed');
    if (keep) {
      input.cache.set(input.connectionId, dataset.name, {
        datasetETag: dataset.eTag,
        purpose: input.purpose,
        files,
        result: row,
      });
    } else {
      input.cache.delete(input.connectionId, dataset.name);
    }
    set(row);
  }

  const settled = (async () => {
    let next = 0;
    const worker = async () => {
      while (next < input.datasets.length) {
        const index = next;
        next += 1;
        throwIfStopped();
        try {
          await checkDataset(index);
        } catch (error) {
          if (error instanceof Stopped || signal.aborted) throw new Stopped();
          input.onUnexpected?.(error);
          rows[index] = result(
            input.datasets[index]!.name,
            'notChecked',
            'The check stopped on an unexpected problem. Try again; if it persists, restart the app.',
          );
          touch();
        }
      }
    };
    const concurrency = Math.max(1, input.concurrency ?? CHECK_ALL_CONCURRENCY);
    try {
      await Promise.all(
        Array.from({ length: Math.min(concurrency, input.datasets.length) }, worker),
      );
      state = 'done';
    } catch {
      // Stopped: cancel() has marked the datasets already.
    } finally {
      touch();
    }
  })();

  return {
    checkId: input.runId,
    get version() {
      return updates.version;
    },
    get finished() {
      return state !== 'running';
    },
    settled,
    snapshot() {
      const finished = rows.filter((row) => isSettledOutcome(row.outcome)).length;
      const total = rows.length;
      return {
        runId: input.runId,
        state,
        total,
        finished,
        fraction: state === 'done' || total === 0 ? 1 : finished / total,
        datasets: rows.map((row) => ({ ...row })),
      };
    },
    changedSince: updates.changedSince,
    cancel() {
      if (state !== 'running') return;
      state = 'cancelled';
      for (const [i, row] of rows.entries()) {
        if (!isSettledOutcome(row.outcome)) rows[i] = result(row.name, 'cancelled', STOPPED);
      }
      for (const job of running) job.cancel();
      controller.abort();
      touch();
    },
  };
}

export interface CheckAllServiceOptions extends CheckRegistryOptions {
  fetch: typeof fetch;
  onUnexpected?: (error: unknown) => void;
  cache?: CheckAllCache;
  concurrency?: number;
}

/**
 * `Check all datasets` for the handlers: one run per connection at a time (a new one stops
 * the one before), polled through a check registry, its results kept in one cache for the
 * app's lifetime.
 */
export function createCheckAllService(options: CheckAllServiceOptions) {
  const registry = createCheckRegistry<CheckAllProgress>({
    ...options,
    goneMessage: 'This run is over and its results were let go; run Check all datasets again.',
  });
  const cache = options.cache ?? createCheckAllCache();
  const current = new Map<string, PolledJob<CheckAllProgress>>();
  return {
    cache,
    async start(request: {
      connectionId: string;
      purpose?: Purpose;
      list: () => Promise<Result<Dataset[]>>;
    }): Promise<Result<CheckAllProgress>> {
      const listed = await request.list();
      if (!listed.ok) return listed;
      current.get(request.connectionId)?.cancel();
      const job = startCheckAll({
        runId: registry.newId(),
        connectionId: request.connectionId,
        purpose: request.purpose ?? 'training',
        datasets: listed.value,
        fetch: options.fetch,
        cache,
        ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
        ...(options.onUnexpected && { onUnexpected: options.onUnexpected }),
      });
      current.set(request.connectionId, job);
      return registry.start(job);
    },
    progress: (runId: string) => registry.progress(runId),
    cancel: (runId: string) => registry.cancel(runId),
  };
}
