import type { IncomingMessage } from 'node:http';
import type { DatasetListPage } from '../shared/contract/list-page';
import { ApiError } from './api-error';
import type { ApiResponse } from './api-error';
import { validateRegisterBody, validateUpdateBody } from './body-validation';
import type { DatasetStore } from './dataset-store';
import { parseJsonObject, readBody, requireJsonContentType } from './http-exchange';
import { parseIfMatch } from './if-match';
import { buildNextLink } from './next-link';
import { parseListQuery } from './request-checks';

export interface OperationContext {
  store: DatasetStore;
  /** Resolves once every change made so far is durable (at once when nothing is persisted). */
  persist: () => Promise<void>;
  /** http://host:port the server listens on, for links when the Host header is unusable. */
  listeningOrigin: () => string;
}

function notFound(name: string): ApiError {
  return new ApiError(404, 'NotFound', `Dataset "${name}" not found.`, { target: 'name' });
}

function preconditionFailed(name: string): ApiError {
  return new ApiError(
    412,
    'PreconditionFailed',
    `Dataset "${name}" has changed since you read it: If-Match does not equal its current eTag. Get it again, then retry.`,
    { target: 'If-Match' },
  );
}

/** Waits until the change is on disk, so a 2xx always means the change survives a crash. */
async function durably(context: OperationContext): Promise<void> {
  try {
    await context.persist();
  } catch (error) {
    throw new ApiError(
      500,
      'InternalServerError',
      `The change was made but could not be saved to the data file: ${(error as Error).message}`,
    );
  }
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  requireJsonContentType(req);
  return parseJsonObject(await readBody(req));
}

export async function registerDataset(
  req: IncomingMessage,
  name: string,
  context: OperationContext,
): Promise<ApiResponse> {
  const fields = validateRegisterBody(await readJsonBody(req), name);
  const outcome = context.store.register(name, fields);
  if (!outcome.ok) {
    throw new ApiError(409, 'DatasetAlreadyExists', `Dataset "${name}" already exists.`, {
      target: 'name',
    });
  }
  await durably(context);
  return { status: 201, body: outcome.dataset };
}

export function getDataset(name: string, context: OperationContext): ApiResponse {
  const dataset = context.store.get(name);
  if (!dataset) throw notFound(name);
  return { status: 200, body: dataset };
}

export async function updateDataset(
  req: IncomingMessage,
  name: string,
  context: OperationContext,
): Promise<ApiResponse> {
  const changes = validateUpdateBody(await readJsonBody(req), name);
  // From here to the store call nothing awaits: the If-Match check and the write are one step.
  const outcome = context.store.update(name, changes, parseIfMatch(req.headers['if-match']));
  if (!outcome.ok) {
    throw outcome.reason === 'not-found' ? notFound(name) : preconditionFailed(name);
  }
  await durably(context);
  return { status: 200, body: outcome.dataset };
}

export async function unregisterDataset(
  req: IncomingMessage,
  name: string,
  context: OperationContext,
): Promise<ApiResponse> {
  const outcome = context.store.unregister(name, parseIfMatch(req.headers['if-match']));
  if (!outcome.ok) {
    throw outcome.reason === 'not-found' ? notFound(name) : preconditionFailed(name);
  }
  await durably(context);
  return { status: 204 };
}

export function listDatasets(
  req: IncomingMessage,
  query: URLSearchParams,
  context: OperationContext,
): ApiResponse {
  const { skip, top } = parseListQuery(query);
  const page = context.store.page(skip, top);
  const body: DatasetListPage = { value: page.datasets };
  if (page.hasMore) {
    body.nextLink = buildNextLink(req.headers.host, context.listeningOrigin(), skip + top, top);
  }
  return { status: 200, body };
}
