import type {
  ActivityService,
  RecipeJsonBody,
  RequestRecipe,
} from '../../../shared/activity/activity-types';
import { SAS_VARIABLE } from '../../../shared/activity/activity-types';
import { DATASETS_PATH, SUBSCRIPTION_KEY_HEADER } from '../../../shared/contract/limits';

/**
 * Query parameters that say where and what, never who: their values are kept. Every other
 * value (a SAS token's `sig`, `se`, `sp`…, a `subscription-key`) is left out: an allow-list,
 * so a parameter nobody thought of stays out too.
 */
const PLAIN_PARAMETERS = new Set([
  'api-version',
  'skip',
  'top',
  'restype',
  'comp',
  'prefix',
  'marker',
  'maxresults',
  'delimiter',
  'include',
  'blockid',
  'blocklisttype',
  'snapshot',
  'versionid',
  'timeout',
]);

/** Headers that carry credentials: never kept, whatever the service. */
const CREDENTIAL_HEADERS = new Set([
  SUBSCRIPTION_KEY_HEADER.toLowerCase(),
  'authorization',
  'cookie',
  'x-ms-copy-source-authorization',
]);

export interface DescribedRequest {
  method: string;
  host: string;
  /** Path and query for the eye, secret values shown as `…`. */
  path: string;
  dataset?: string;
  recipe: RequestRecipe;
  /** The secret values this request carried, for a last check that none was kept. */
  secrets: string[];
}

function headerPairs(headers: RequestInit['headers']): [string, string][] {
  if (!headers) return [];
  if (headers instanceof Headers) return [...headers.entries()];
  if (Array.isArray(headers)) return headers.map(([n, v]) => [String(n), String(v)]);
  return Object.entries(headers).map(([n, v]) => [n, String(v)]);
}

function datasetOf(service: ActivityService, pathname: string): string | undefined {
  if (service !== 'datasets') return undefined;
  const prefix = `${DATASETS_PATH}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length);
  if (rest === '' || rest.includes('/')) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}

/** A JSON body with each `authentication.sasToken` left out, and where it was. */
function jsonBody(text: string, secrets: string[]): RecipeJsonBody | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const sasTokenPaths: string[][] = [];
  const auth = (value as { authentication?: { sasToken?: unknown } } | null)?.authentication;
  if (auth && typeof auth === 'object' && typeof auth.sasToken === 'string') {
    secrets.push(auth.sasToken);
    auth.sasToken = `$${SAS_VARIABLE}`;
    sasTokenPaths.push(['authentication', 'sasToken']);
  }
  return { kind: 'json', text: JSON.stringify(value), sasTokenPaths };
}

function bodyOf(body: RequestInit['body'], secrets: string[]): RequestRecipe['body'] {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return jsonBody(body, secrets) ?? { kind: 'text', text: body };
  if (body instanceof ArrayBuffer) return { kind: 'binary', bytes: body.byteLength };
  if (ArrayBuffer.isView(body)) return { kind: 'binary', bytes: body.byteLength };
  if (body instanceof Blob) return { kind: 'binary', bytes: body.size };
  return { kind: 'binary', bytes: 0 };
}

/**
 * A request as the Activity view keeps it: where it went with the query's secret values left
 * out, and a recipe to send it again without the key or a SAS token in it.
 */
export function describeRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
  service: ActivityService,
): DescribedRequest {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const secrets: string[] = [];

  const kept = new URLSearchParams();
  const shown: string[] = [];
  let droppedSignature = false;
  for (const [name, value] of url.searchParams) {
    if (PLAIN_PARAMETERS.has(name.toLowerCase())) {
      kept.append(name, value);
      shown.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    } else {
      if (value !== '') secrets.push(value, encodeURIComponent(value));
      if (name.toLowerCase() === 'sig') droppedSignature = true;
      shown.push(`${encodeURIComponent(name)}=…`);
    }
  }
  const query = kept.toString();
  const base = `${url.origin}${url.pathname}`;

  let keyHeader: string | undefined;
  const headers: [string, string][] = [];
  const given = headerPairs(
    init?.headers ?? (input instanceof Request ? input.headers : undefined),
  );
  for (const [name, value] of given) {
    const lower = name.toLowerCase();
    if (lower === SUBSCRIPTION_KEY_HEADER.toLowerCase()) keyHeader = name;
    if (CREDENTIAL_HEADERS.has(lower)) {
      secrets.push(value);
      continue;
    }
    headers.push([name, value]);
  }

  const body = bodyOf(init?.body, secrets);
  const dataset = datasetOf(service, url.pathname);
  return {
    method,
    host: url.host,
    path: `${url.pathname}${shown.length > 0 ? `?${shown.join('&')}` : ''}`,
    ...(dataset !== undefined && { dataset }),
    recipe: {
      method,
      url: query ? `${base}?${query}` : base,
      sasTokenInUrl: droppedSignature,
      headers,
      ...(keyHeader !== undefined && { keyHeader }),
      ...(body !== undefined && { body }),
    },
    // Short values (`sp=r`) would match innocent text; what matters is the long ones.
    secrets: secrets.filter((s) => s.length >= 8),
  };
}
