import type { ErrorBody, ErrorDetails } from '../shared/contract/error-body';
import { ERROR_CODE_HEADER } from '../shared/contract/limits';

/**
 * Every error code the emulator sends. The contract documents only DatasetAlreadyExists and
 * DatasetInvalidAnnotationUri; the others follow Azure's usual names so a client reading
 * `x-ms-error-code` gets something recognisable, though clients should key on the status.
 */
export type ErrorCode =
  | 'Unauthorized'
  | 'MissingApiVersionParameter'
  | 'UnsupportedApiVersion'
  | 'ResourceNotFound'
  | 'MethodNotAllowed'
  | 'InvalidArgument'
  | 'DatasetInvalidAnnotationUri'
  | 'InvalidRequestBody'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'NotFound'
  | 'DatasetAlreadyExists'
  | 'PreconditionFailed'
  | 'InternalServerError'
  | 'TooManyRequests'
  | InjectedFaultCode;

/** Codes of statuses a test asks the fault injector for; `InjectedFault` covers the rest. */
export type InjectedFaultCode =
  | 'BadRequest'
  | 'Forbidden'
  | 'RequestTimeout'
  | 'Conflict'
  | 'TooManyRequests'
  | 'BadGateway'
  | 'ServiceUnavailable'
  | 'GatewayTimeout'
  | 'InjectedFault';

/** A response the emulator will send: handlers return these so a fault can still cut them short. */
export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON; absent means no body at all (204). */
  body?: unknown;
}

export interface ApiErrorInit {
  target?: string;
  details?: ErrorDetails[];
  headers?: Record<string, string>;
}

/** Thrown by the request checks; the router turns it into the one error shape of the contract. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly target: string | undefined;
  readonly details: ErrorDetails[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ErrorCode, message: string, init: ApiErrorInit = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.target = init.target;
    this.details = init.details;
    this.headers = init.headers ?? {};
  }

  toResponse(): ApiResponse {
    return errorResponse(this.status, this.code, this.message, {
      target: this.target,
      details: this.details,
      headers: this.headers,
    });
  }
}

export function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  init: ApiErrorInit = {},
): ApiResponse {
  const body: ErrorBody = {
    error: {
      code,
      message,
      ...(init.target !== undefined ? { target: init.target } : {}),
      ...(init.details !== undefined && init.details.length > 0 ? { details: init.details } : {}),
    },
  };
  return { status, headers: { ...init.headers, [ERROR_CODE_HEADER]: code }, body };
}
