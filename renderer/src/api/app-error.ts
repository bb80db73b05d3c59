import type { AppError, Result } from '../../../shared/ipc/errors';

/**
 * React Query wants failures thrown; the API returns them as data. This error carries the
 * AppError across the throw so components can still tell a 401 from a 412.
 */
export class AppErrorException extends Error {
  readonly appError: AppError;

  constructor(appError: AppError) {
    super(appError.message);
    this.name = 'AppErrorException';
    this.appError = appError;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppErrorException(result.error);
}

/** Awaits an API call and unwraps it: the shape every query and mutation function needs. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  return unwrap(await pending);
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppErrorException) return error.appError;
  return {
    kind: 'internal',
    message: error instanceof Error ? error.message : 'Something unexpected went wrong.',
  };
}

export function isErrorKind(error: unknown, ...kinds: AppError['kind'][]): boolean {
  return error instanceof AppErrorException && kinds.includes(error.appError.kind);
}
