import { PATCH_CONTENT_TYPE, SUBSCRIPTION_KEY_HEADER } from '../../../shared/contract/limits';
import { exchangeOnce } from './http-exchange';
import type { Exchange, HttpMethod } from './http-exchange';

export interface SendOptions {
  /** Sent as JSON. */
  body?: unknown;
  ifMatch?: string;
  signal?: AbortSignal;
}

/** Sends one request with the headers every call needs; knows nothing of retries. */
export type Send = (method: HttpMethod, url: string, options?: SendOptions) => Promise<Exchange>;

export function createSend(fetchFn: typeof fetch, key: string, timeoutMs: number): Send {
  return (method, url, options = {}) => {
    const headers: Record<string, string> = {
      [SUBSCRIPTION_KEY_HEADER]: key,
      Accept: 'application/json',
    };
    // The contract names this media type for Register and Update although the body is plain JSON.
    if (method === 'PUT' || method === 'PATCH') headers['Content-Type'] = PATCH_CONTENT_TYPE;
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    const body = options.body !== undefined ? JSON.stringify(options.body) : undefined;
    return exchangeOnce(
      fetchFn,
      { method, url, headers, ...(body !== undefined ? { body } : {}) },
      timeoutMs,
      options.signal,
    );
  };
}
