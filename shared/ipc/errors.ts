/**
 * Every failure that crosses from main to the page, as data. The service kinds come from the
 * datasets client; the others from the IPC layer and the app's own services.
 */
export const SERVICE_ERROR_KINDS = [
  'unauthorized', // 401: the subscription key is missing or wrong
  'notFound', // 404
  'conflict', // 412: someone else changed the dataset first
  'alreadyExists', // 409 on register
  'invalid', // 400 (and other 4xx the service uses for bad requests)
  'throttled', // 429, after retries
  'server', // 5xx, after retries
  'network', // the endpoint could not be reached
  'timeout', // no answer in time
  'invalidEndpoint', // the endpoint URL itself is unusable
] as const;

export const APP_ERROR_KINDS = [
  ...SERVICE_ERROR_KINDS,
  'badRequest', // an IPC payload that fails its schema
  'forbidden', // a message from a sender that is not our page
  'unknownConnection',
  'keyUnavailable', // a key that cannot be decrypted or was kept for the session only
  'storage', // Blob Storage refused or could not be reached; `code` says how (check-contract)
  'internal',
] as const;

export type ServiceErrorKind = (typeof SERVICE_ERROR_KINDS)[number];
export type AppErrorKind = (typeof APP_ERROR_KINDS)[number];

/**
 * A failure as the page gets it. Plain types with no zod, so the page's start code (its
 * transport builds these) does not pull in the schema library; the schema is in error-schema.
 */
export interface AppError {
  kind: AppErrorKind;
  /** A sentence a person can act on. */
  message: string;
  status?: number;
  /** The service's error code, when it sent one. */
  code?: string;
  /** Per-field problems: the service's 400 details, or a payload's schema failures. */
  details?: { field: string; message: string }[];
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error });
