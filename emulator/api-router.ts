import type { IncomingMessage } from 'node:http';
import { DATASETS_PATH } from '../shared/contract/limits';
import { ApiError } from './api-error';
import type { ApiResponse } from './api-error';
import { validateDatasetName } from './body-validation';
import {
  getDataset,
  listDatasets,
  registerDataset,
  unregisterDataset,
  updateDataset,
} from './dataset-operations';
import type { OperationContext } from './dataset-operations';
import type { RateLimiter } from './rate-limit';
import { checkApiVersion, checkSubscriptionKey } from './request-checks';

type Route = { kind: 'collection' } | { kind: 'dataset'; encodedName: string };

const ALLOWED_METHODS: Record<Route['kind'], readonly string[]> = {
  collection: ['GET'],
  dataset: ['GET', 'PUT', 'PATCH', 'DELETE'],
};

function matchRoute(pathname: string): Route | undefined {
  if (pathname === DATASETS_PATH) return { kind: 'collection' };
  const prefix = `${DATASETS_PATH}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const encodedName = pathname.slice(prefix.length);
  return encodedName.includes('/') ? undefined : { kind: 'dataset', encodedName };
}

function decodeName(encodedName: string): string {
  try {
    return decodeURIComponent(encodedName);
  } catch {
    // Bad percent-encoding: let the name check refuse it as it stands.
    return encodedName;
  }
}

export interface ApiRequestContext extends OperationContext {
  key: string;
  rateLimiter?: RateLimiter;
}

/**
 * One API request, checked in the order a client can rely on: the subscription key, then the
 * rate limit (only a known key has one, so a wrong key is told so rather than to wait), then
 * api-version, then the route and method, then the dataset name, then the body.
 */
export async function handleApiRequest(
  req: IncomingMessage,
  url: URL,
  context: ApiRequestContext,
): Promise<ApiResponse> {
  checkSubscriptionKey(req.headers, context.key);
  context.rateLimiter?.admit(context.key);
  checkApiVersion(url.searchParams);
  const route = matchRoute(url.pathname);
  if (!route) {
    throw new ApiError(404, 'ResourceNotFound', `No operation at ${url.pathname}.`);
  }
  const method = req.method ?? '';
  const allowed = ALLOWED_METHODS[route.kind];
  if (!allowed.includes(method)) {
    throw new ApiError(
      405,
      'MethodNotAllowed',
      `Method ${method} is not allowed on ${url.pathname}; allowed: ${allowed.join(', ')}.`,
      { headers: { Allow: allowed.join(', ') } },
    );
  }
  if (route.kind === 'collection') return listDatasets(req, url.searchParams, context);
  const name = validateDatasetName(decodeName(route.encodedName));
  switch (method) {
    case 'PUT':
      return registerDataset(req, name, context);
    case 'PATCH':
      return updateDataset(req, name, context);
    case 'DELETE':
      return unregisterDataset(req, name, context);
    default:
      return getDataset(name, context);
  }
}
