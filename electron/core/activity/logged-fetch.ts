import { randomUUID } from 'node:crypto';
import type { ActivityEntry, ActivityService } from '../../../shared/activity/activity-types';
import { ERROR_CODE_HEADER } from '../../../shared/contract/limits';
import { describeNetworkFailure } from '../datasets/network-failure';
import { describeRequest } from './describe-request';

export interface ActivitySink {
  add(entry: ActivityEntry): void;
}

export interface LoggedFetchOptions {
  kind: ActivityService;
  now?: () => number;
}

const REQUEST_ID_HEADERS = ['apim-request-id', 'x-ms-request-id'];

/** Error bodies are small; a bigger one is not looked into. */
const MAX_ERROR_BODY_CHARS = 64 * 1024;

/**
 * The code of an error answer: the header when the service sent one, else the JSON error
 * body's (`{"error":{"code":…}}`). Only error answers are looked into, through a copy of the
 * body, so the caller still reads the body once, as if nothing were in between.
 */
async function errorCodeOf(response: Response): Promise<string | undefined> {
  const header = response.headers.get(ERROR_CODE_HEADER);
  if (header) return header;
  if (response.status < 400 || !/json/i.test(response.headers.get('content-type') ?? '')) {
    return undefined;
  }
  try {
    const text = await response.clone().text();
    if (text.length > MAX_ERROR_BODY_CHARS) return undefined;
    const code = (JSON.parse(text) as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'string' ? code.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

/** Every secret the request carried, wherever it might have slipped in, replaced. */
function scrubbed<T>(value: T, secrets: string[]): T {
  if (secrets.length === 0) return value;
  const text = JSON.stringify(value);
  let clean = text;
  for (const secret of secrets) clean = clean.split(JSON.stringify(secret).slice(1, -1)).join('…');
  return clean === text ? value : (JSON.parse(clean) as T);
}

/**
 * `fetch` that tells `log` of every request it sends: where, how it went, how long it took,
 * and how to send it again, without the key or a SAS token. What the caller gets is the
 * fetch's own answer (or error), untouched.
 */
export function loggedFetch(
  fetchFn: typeof fetch,
  log: ActivitySink,
  { kind, now = Date.now }: LoggedFetchOptions,
): typeof fetch {
  return async (input, init) => {
    const started = now();
    let described: ReturnType<typeof describeRequest> | undefined;
    try {
      described = describeRequest(input, init, kind);
    } catch {
      // A request the log cannot read (an unparsable URL) fails in fetch itself.
    }
    const record = (outcome: Partial<ActivityEntry>) => {
      if (!described) return;
      const { secrets, ...request } = described;
      const entry: ActivityEntry = {
        id: randomUUID(),
        time: new Date(started).toISOString(),
        service: kind,
        durationMs: Math.max(0, Math.round(now() - started)),
        ...request,
        ...outcome,
      };
      log.add(scrubbed(entry, secrets));
    };

    let response: Response;
    try {
      response = await fetchFn(input, init);
    } catch (error) {
      const aborted = init?.signal?.aborted === true;
      record({ failure: aborted ? 'cancelled or timed out' : describeNetworkFailure(error).cause });
      throw error;
    }
    const durationMs = Math.max(0, Math.round(now() - started));
    const requestId = REQUEST_ID_HEADERS.map((h) => response.headers.get(h)).find(Boolean);
    const errorCode = await errorCodeOf(response);
    record({
      status: response.status,
      durationMs,
      ...(requestId && { requestId }),
      ...(errorCode && { errorCode }),
    });
    return response;
  };
}
