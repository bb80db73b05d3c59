import { DatasetSchema } from '../../../shared/contract/dataset';
import type { Dataset } from '../../../shared/contract/dataset';
import { DatasetListPageSchema } from '../../../shared/contract/list-page';
import type { DatasetListPage } from '../../../shared/contract/list-page';
import { fail } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { CANCELLED, isSuccess } from './http-exchange';
import type { Exchange } from './http-exchange';
import { RETRYABLE_STATUSES } from './retry-pacing';
import type { Pacing } from './retry-pacing';
import { errorFromExchange, parseAnswer } from './service-errors';
import type { ErrorContext, Operation } from './service-errors';
import type { Send } from './service-transport';
import type { ServiceUrls } from './service-urls';

/** What every operation needs: how to send, where, how long to wait and how to retry. */
export interface ServiceSession {
  send: Send;
  urls: ServiceUrls;
  pacing: Pacing;
  timeoutMs: number;
  now: () => number;
}

export function errorContext(
  session: ServiceSession,
  operation: Operation,
  name?: string,
): ErrorContext {
  return {
    operation,
    host: session.urls.host,
    timeoutMs: session.timeoutMs,
    nowMs: session.now(),
    ...(name !== undefined ? { name } : {}),
  };
}

function worthRetrying(exchange: Exchange): boolean {
  if (exchange.kind === 'answered') return RETRYABLE_STATUSES.has(exchange.status);
  return exchange.kind === 'unanswered';
}

/** A read may be repeated freely: it changes nothing. */
export async function readWithRetries(
  pacing: Pacing,
  attempt: () => Promise<Exchange>,
  signal?: AbortSignal,
): Promise<Exchange> {
  for (let tried = 1; ; tried++) {
    const exchange = await attempt();
    if (tried >= pacing.attempts || !worthRetrying(exchange)) return exchange;
    await pacing.pause(tried, exchange);
    if (signal?.aborted) return CANCELLED;
  }
}

export async function readDataset(
  session: ServiceSession,
  name: string,
  signal?: AbortSignal,
): Promise<Result<Dataset>> {
  const exchange = await readWithRetries(
    session.pacing,
    () => session.send('GET', session.urls.dataset(name), { signal }),
    signal,
  );
  const context = errorContext(session, 'get', name);
  if (exchange.kind === 'answered' && isSuccess(exchange.status)) {
    return parseAnswer(exchange, DatasetSchema, context);
  }
  return fail(errorFromExchange(exchange, context));
}

/** The page at `skip`, or the one a nextLink names, which came from an answer read here. */
export type ListPageAddress = { skip: number; top: number } | { nextLink: string };

export async function readListPage(
  session: ServiceSession,
  address: ListPageAddress,
  signal?: AbortSignal,
): Promise<Result<DatasetListPage>> {
  // A nextLink is followed only after the check below passed on the page that gave it, so the
  // key goes to the endpoint's origin and nowhere else.
  const url =
    'nextLink' in address ? address.nextLink : session.urls.list(address.skip, address.top);
  const exchange = await readWithRetries(
    session.pacing,
    () => session.send('GET', url, { signal }),
    signal,
  );
  const context = errorContext(session, 'list');
  if (!(exchange.kind === 'answered' && isSuccess(exchange.status))) {
    return fail(errorFromExchange(exchange, context));
  }
  const page = parseAnswer(exchange, DatasetListPageSchema, context);
  if (!page.ok || page.value.nextLink === undefined) return page;
  const linkOrigin = new URL(page.value.nextLink).origin;
  if (linkOrigin !== session.urls.origin) {
    // Refused whole, not just unfollowed: an answer pointing elsewhere cannot be trusted.
    return fail({
      kind: 'server',
      status: exchange.status,
      message: `The service pointed to its next page on another server (${linkOrigin}). The app stopped there: following it would send your key to that server.`,
    });
  }
  return page;
}
