import type { AppError } from '../../../shared/ipc/errors';

/**
 * Kinds that may pass on their own: the network, a slow or busy service, a failing server. The
 * rest (a refused key, a missing dataset, a conflict, a bad request) fail the same way again
 * until something is changed, so offering to try again would only waste a click.
 */
const PASSING_KINDS: ReadonlySet<AppError['kind']> = new Set([
  'network',
  'timeout',
  'throttled',
  'server',
]);

/** Whether "Try again" can help with this failure. */
export function isRetryable(error: AppError): boolean {
  if (PASSING_KINDS.has(error.kind)) return true;
  // E.g. browser mode's local server answering 502: the kind says little, the status does.
  const status = error.status;
  return status !== undefined && (status === 408 || status === 429 || status >= 500);
}
