import type { AppError } from '../../../../shared/ipc/errors';

/** A short headline per kind of failure; the sentence under it is always main's own message. */
const HEADLINES: Record<AppError['kind'], string> = {
  unauthorized: 'The subscription key was refused',
  notFound: 'Not found',
  conflict: 'Changed by someone else',
  alreadyExists: 'The name is taken',
  invalid: 'The service refused the request',
  throttled: 'Too many requests',
  server: 'The service failed',
  network: 'Cannot reach the service',
  timeout: 'The service did not answer in time',
  invalidEndpoint: 'The endpoint is not usable',
  badRequest: 'The request is not valid',
  forbidden: 'Access refused',
  unknownConnection: 'The connection no longer exists',
  keyUnavailable: 'The key is not available',
  storage: 'Blob Storage refused or could not be reached',
  internal: 'Something went wrong',
};

export function errorHeadline(error: AppError): string {
  return HEADLINES[error.kind];
}

export function isUnreachable(error: AppError): boolean {
  return error.kind === 'network' || error.kind === 'timeout';
}
