import type { Exchange } from './http-exchange';

export interface RetryPolicy {
  /** Requests in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};

/** Statuses that say "not now" rather than "no": throttling and the usual transient failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Retry-After as milliseconds from now: delay-seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with the day's name; Date.parse alone would take "-5" as a year.
  const date = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export function retryAfterMsOf(exchange: Exchange, nowMs: number): number | undefined {
  return exchange.kind === 'answered'
    ? parseRetryAfterMs(exchange.headers.get('retry-after'), nowMs)
    : undefined;
}

/**
 * The wait before retry number `retry` (1 for the first). The service's Retry-After wins but
 * never beyond the cap: a long one would freeze the app, and the attempts still bound the total.
 * Otherwise exponential with jitter, so clients that failed together do not retry together.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export interface Pacing {
  attempts: number;
  /** Waits before retry number `retry`, after `exchange` failed. */
  pause(retry: number, exchange: Exchange): Promise<void>;
}

export function createPacing(
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void>,
  now: () => number,
  random: () => number,
): Pacing {
  return {
    attempts: policy.attempts,
    pause: (retry, exchange) =>
      sleep(retryDelayMs(policy, retry, retryAfterMsOf(exchange, now()), random)),
  };
}
