import { DatasetNameSchema } from '../../../shared/contract/dataset';
import type { Dataset, DatasetFields } from '../../../shared/contract/dataset';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import { checkEndpoint } from '../../../shared/contract/endpoint';
import { LIST_TOP_DEFAULT } from '../../../shared/contract/limits';
import type { DatasetListPage } from '../../../shared/contract/list-page';
import { fail } from '../../../shared/ipc/errors';
import type { AppError, Result } from '../../../shared/ipc/errors';
import * as writes from './dataset-writes';
import { listAllPages } from './list-all';
import type { ListAllOptions } from './list-all';
import { redactResult } from './redact-secrets';
import { createPacing, DEFAULT_RETRY_POLICY } from './retry-pacing';
import type { Pacing, RetryPolicy } from './retry-pacing';
import { readDataset, readListPage } from './service-reads';
import type { ServiceSession } from './service-reads';
import { createSend } from './service-transport';
import { serviceUrls } from './service-urls';

export type { ListAllOptions, ListProgress } from './list-all';
export type { RetryPolicy } from './retry-pacing';

export interface DatasetsClientOptions {
  /** As the user typed it: `https://<resource>.cognitiveservices.azure.com/`, slash optional. */
  endpoint: string;
  /** The subscription key; it goes into the key header and nowhere else. */
  key: string;
  fetch: typeof fetch;
  /** For each request, the answer's body included. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How to wait between retries; tests record the delays instead. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock, for a Retry-After given as a date. */
  now?: () => number;
  /** 0 <= n < 1, for the retry jitter. */
  random?: () => number;
}

export interface ReadOptions {
  signal?: AbortSignal;
}

export interface ConditionalWriteOptions {
  /**
   * The eTag the dataset had when it was loaded: the write applies only if it still has it, and
   * only such a write is ever sent twice. Without it the write always applies, once at most.
   */
  ifMatch?: string;
}

export interface ListPageRequest extends ReadOptions {
  /** Default 0. */
  skip?: number;
  /** 1 to 30; default 10. */
  top?: number;
}

export interface DatasetsClient {
  getDataset(name: string, options?: ReadOptions): Promise<Result<Dataset>>;
  registerDataset(name: string, fields: DatasetFields): Promise<Result<Dataset>>;
  /** Sends only the editable properties of `changes`; name, dates and eTag are left out. */
  updateDataset(
    name: string,
    changes: DatasetChanges,
    options?: ConditionalWriteOptions,
  ): Promise<Result<Dataset>>;
  deleteDataset(name: string, options?: ConditionalWriteOptions): Promise<Result<null>>;
  listPage(request?: ListPageRequest): Promise<Result<DatasetListPage>>;
  listAll(options?: ListAllOptions): Promise<Result<Dataset[]>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryPolicy(given: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...given };
  return {
    attempts: Math.max(1, Math.floor(policy.attempts)),
    baseDelayMs: Math.max(0, policy.baseDelayMs),
    maxDelayMs: Math.max(0, policy.maxDelayMs),
  };
}

/** Every method answers with this error: nothing is sent to an endpoint that is unusable. */
function unusableEndpointClient(error: AppError): DatasetsClient {
  const refuse = <T>() => Promise.resolve(fail<T>(error));
  return {
    getDataset: refuse,
    registerDataset: refuse,
    updateDataset: refuse,
    deleteDataset: refuse,
    listPage: refuse,
    listAll: refuse,
  };
}

/** Names go into the path: a name like ".." would address another resource, so none is sent unchecked. */
function nameProblem(name: string): AppError | undefined {
  const checked = DatasetNameSchema.safeParse(name);
  if (checked.success) return undefined;
  const message = checked.error.issues[0]?.message ?? 'The dataset name is invalid.';
  return { kind: 'invalid', message, details: [{ field: 'name', message }] };
}

function sasTokenOf(fields: DatasetChanges): string | undefined {
  return fields.authentication?.sasToken;
}

export function createDatasetsClient(options: DatasetsClientOptions): DatasetsClient {
  const endpoint = checkEndpoint(options.endpoint);
  if (!endpoint.ok) {
    return unusableEndpointClient({ kind: 'invalidEndpoint', message: endpoint.message });
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const session: ServiceSession = {
    send: createSend(options.fetch, options.key, timeoutMs),
    urls: serviceUrls(endpoint.endpoint),
    pacing: createPacing(
      retryPolicy(options.retry),
      options.sleep ?? defaultSleep,
      now,
      options.random ?? Math.random,
    ),
    timeoutMs,
    now,
  };
  const secrets = (...more: (string | undefined)[]) => [options.key, ...more];
  const withName = async <T>(name: string, run: () => Promise<Result<T>>, sasToken?: string) => {
    const problem = nameProblem(name);
    const result = problem ? fail<T>(problem) : await run();
    return redactResult(result, secrets(sasToken));
  };

  return {
    getDataset: (name, { signal } = {}) => withName(name, () => readDataset(session, name, signal)),

    registerDataset: (name, fields) =>
      withName(name, () => writes.registerDataset(session, name, fields), sasTokenOf(fields)),

    updateDataset: (name, changes, { ifMatch } = {}) =>
      withName(
        name,
        () => writes.updateDataset(session, name, changes, ifMatch),
        sasTokenOf(changes),
      ),

    deleteDataset: (name, { ifMatch } = {}) =>
      withName(name, () => writes.deleteDataset(session, name, ifMatch)),

    listPage: async ({ skip = 0, top = LIST_TOP_DEFAULT, signal } = {}) =>
      redactResult(await readListPage(session, { skip, top }, signal), secrets()),

    listAll: async (listOptions = {}) => {
      const { signal } = listOptions;
      const result = await listAllPages((request, pageSignal, hooks) => {
        const both = signal ? AbortSignal.any([signal, pageSignal]) : pageSignal;
        // The usual retries, with the listing told of each 429: it is how the listing learns
        // to send fewer at once, and the listing decides when the page goes again.
        const pacing: Pacing = {
          attempts: session.pacing.attempts,
          pause: async (retry, exchange) => {
            if (!(exchange.kind === 'answered' && exchange.status === 429)) {
              return session.pacing.pause(retry, exchange);
            }
            hooks.throttled();
            await session.pacing.pause(retry, exchange);
            await hooks.mayRetry();
          },
        };
        return readListPage({ ...session, pacing }, request, both);
      }, listOptions);
      return redactResult(result, secrets());
    },
  };
}
