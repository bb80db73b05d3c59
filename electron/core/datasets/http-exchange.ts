import { describeNetworkFailure } from './network-failure';

export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'DELETE';

export interface OutgoingRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type AnswerBody =
  { kind: 'json'; value: unknown } | { kind: 'empty' } | { kind: 'notJson'; problem: string };

export interface Answered {
  kind: 'answered';
  status: number;
  headers: Headers;
  body: AnswerBody;
}

export interface Unanswered {
  kind: 'unanswered';
  failure: 'network' | 'timeout';
  cause: string;
  /** Whether the service may have received, and acted on, the request. */
  maybeReceived: boolean;
}

export type Exchange = Answered | Unanswered | { kind: 'cancelled' };

export const CANCELLED: Exchange = { kind: 'cancelled' };

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function parseBody(text: string): AnswerBody {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch (error) {
    return { kind: 'notJson', problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * One request and its whole answer, within `timeoutMs` (the body included: a service that
 * sends headers and then stalls has not answered). Never throws.
 */
export async function exchangeOnce(
  fetchFn: typeof fetch,
  request: OutgoingRequest,
  timeoutMs: number,
  callerSignal?: AbortSignal,
): Promise<Exchange> {
  if (callerSignal?.aborted) return CANCELLED;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
  const stopped = (): Exchange | undefined => {
    if (callerSignal?.aborted) return CANCELLED;
    if (timeout.signal.aborted) {
      return { kind: 'unanswered', failure: 'timeout', cause: 'no answer', maybeReceived: true };
    }
    return undefined;
  };
  try {
    let response: Response;
    try {
      response = await fetchFn(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      return (
        stopped() ?? { kind: 'unanswered', failure: 'network', ...describeNetworkFailure(error) }
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      const interrupted = stopped();
      if (interrupted) return interrupted;
      // A success whose body was cut: the change was made but what it made is unknown.
      if (isSuccess(response.status)) {
        return {
          kind: 'unanswered',
          failure: 'network',
          cause: `the connection closed in the middle of the answer (${describeNetworkFailure(error).cause})`,
          maybeReceived: true,
        };
      }
      text = '';
    }
    return {
      kind: 'answered',
      status: response.status,
      headers: response.headers,
      body: parseBody(text),
    };
  } finally {
    clearTimeout(timer);
  }
}
