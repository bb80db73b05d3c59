import type { IncomingMessage } from 'node:http';
import { fieldProblems } from '../shared/contract/issues';
import { ApiError, errorResponse } from './api-error';
import type { ApiResponse, InjectedFaultCode } from './api-error';
import type { FaultController, InjectedFault } from './faults';
import { FaultSettingsUpdateSchema } from './faults';
import { parseJsonObject, readBody } from './http-exchange';

/** Where tests steer fault injection; it exists only when injection is on. */
export const FAULTS_PATH = '/_emulator/faults';

const CODES: Record<number, InjectedFaultCode> = {
  400: 'BadRequest',
  403: 'Forbidden',
  408: 'RequestTimeout',
  409: 'Conflict',
  429: 'TooManyRequests',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function injectedFailureResponse(
  fault: Extract<InjectedFault, { kind: 'fail' }>,
): ApiResponse {
  const code =
    fault.status === 500 ? 'InternalServerError' : (CODES[fault.status] ?? 'InjectedFault');
  const retry =
    fault.retryAfterSeconds === undefined
      ? ''
      : ` Try again in ${fault.retryAfterSeconds} second(s).`;
  return errorResponse(
    fault.status,
    code,
    `The emulator was told to fail this request with status ${fault.status}.${retry}`,
    fault.retryAfterSeconds === undefined
      ? {}
      : { headers: { 'Retry-After': String(fault.retryAfterSeconds) } },
  );
}

/**
 * GET shows the settings and the applied-writes count, PUT merges settings in, DELETE restores
 * the start settings (see faults.ts).
 */
export async function handleFaultControl(
  req: IncomingMessage,
  faults: FaultController,
): Promise<ApiResponse> {
  switch (req.method) {
    case 'GET':
      return { status: 200, body: { ...faults.settings, appliedWrites: faults.appliedWrites } };
    case 'DELETE':
      return { status: 200, body: faults.clear() };
    case 'PUT': {
      // Any Content-Type: this endpoint is for tests and curl, not part of the contract.
      const body = parseJsonObject(await readBody(req));
      const result = FaultSettingsUpdateSchema.safeParse(body);
      if (!result.success) {
        const details = fieldProblems(result.error).map((p) => ({
          code: 'InvalidArgument',
          message: p.message,
          ...(p.field !== '' ? { target: p.field } : {}),
        }));
        throw new ApiError(
          400,
          'InvalidArgument',
          `Invalid fault settings: ${details[0]!.message}`,
          {
            target: details[0]!.target ?? 'body',
            details,
          },
        );
      }
      return { status: 200, body: faults.set(result.data) };
    }
    default:
      throw new ApiError(
        405,
        'MethodNotAllowed',
        `Method ${req.method} is not allowed on ${FAULTS_PATH}.`,
        {
          headers: { Allow: 'GET, PUT, DELETE' },
        },
      );
  }
}
