import { ErrorBodySchema } from '../../../shared/contract/error-body';
import type { ErrorDetails } from '../../../shared/contract/error-body';
import { fieldProblems } from '../../../shared/contract/issues';
import { ERROR_CODE_HEADER } from '../../../shared/contract/limits';
import { fail, ok } from '../../../shared/ipc/errors';
import type { AppError, Result } from '../../../shared/ipc/errors';
import type { z } from 'zod';
import type { Answered, Exchange, Unanswered } from './http-exchange';
import { retryAfterMsOf } from './retry-pacing';

export type Operation = 'get' | 'register' | 'update' | 'delete' | 'list';

/** What a message needs to name: the server, the dataset and what the user was doing. */
export interface ErrorContext {
  operation: Operation;
  host: string;
  name?: string;
  timeoutMs: number;
  nowMs: number;
}

function serviceError(answer: Answered): ErrorDetails | undefined {
  if (answer.body.kind !== 'json') return undefined;
  const parsed = ErrorBodySchema.safeParse(answer.body.value);
  return parsed.success ? parsed.data.error : undefined;
}

function fieldDetails(error: ErrorDetails | undefined): AppError['details'] {
  if (!error) return undefined;
  const details = (error.details ?? []).map((detail) => ({
    field: detail.target ?? error.target ?? '',
    message: detail.message,
  }));
  if (details.length === 0 && error.target !== undefined) {
    return [{ field: error.target, message: error.message }];
  }
  return details.length > 0 ? details : undefined;
}

function datasetLabel(context: ErrorContext): string {
  return context.name !== undefined ? `dataset "${context.name}"` : 'the dataset';
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

function conflictMessage(context: ErrorContext): string {
  const label = datasetLabel(context);
  const notDone =
    context.operation === 'delete' ? 'it was not deleted' : 'your changes were not saved';
  return `Someone else changed ${label} since you loaded it, so ${notDone}. Reload it to see the current version.`;
}

export function conflictError(context: ErrorContext): AppError {
  return { kind: 'conflict', status: 412, message: conflictMessage(context) };
}

export function alreadyExistsError(context: ErrorContext): AppError {
  return {
    kind: 'alreadyExists',
    status: 409,
    message: `The name "${context.name ?? ''}" is taken: a dataset with that name already exists. Choose another name.`,
  };
}

export function notFoundMessage(context: ErrorContext): string {
  if (context.operation === 'list') {
    return `${context.host} has no datasets API at this address. Check the endpoint: it should be the resource's address, such as https://my-resource.cognitiveservices.azure.com/.`;
  }
  return `There is no ${datasetLabel(context)}; it may have been deleted. Refresh the list.`;
}

/** An error answer of the service, as a sentence the user can act on. */
export function errorFromAnswer(answer: Answered, context: ErrorContext): AppError {
  const { status } = answer;
  const body = serviceError(answer);
  const code = body?.code ?? answer.headers.get(ERROR_CODE_HEADER) ?? undefined;
  const known = { status, ...(code !== undefined ? { code } : {}) };
  const serviceSays = body?.message;
  if (status >= 300 && status < 400) {
    const location = answer.headers.get('location');
    return {
      kind: 'invalidEndpoint',
      ...known,
      message: `${context.host} redirected the request${location ? ` to ${location}` : ''}. The app does not follow redirects, as that would send your key elsewhere: enter the endpoint of the resource itself.`,
    };
  }
  if (status === 401) {
    return {
      kind: 'unauthorized',
      ...known,
      message: 'The service refused the subscription key. Check the key of this connection.',
    };
  }
  if (status === 404) return { kind: 'notFound', ...known, message: notFoundMessage(context) };
  if (status === 409 && context.operation === 'register') {
    return { ...alreadyExistsError(context), ...known };
  }
  if (status === 412) return { ...conflictError(context), ...known };
  if (status === 429) {
    const retryAfterMs = retryAfterMsOf(answer, context.nowMs);
    const retryAfterSeconds =
      retryAfterMs !== undefined ? Math.max(0, Math.ceil(retryAfterMs / 1000)) : undefined;
    const when =
      retryAfterSeconds !== undefined ? `in ${retryAfterSeconds} s` : 'in a little while';
    return {
      kind: 'throttled',
      ...known,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      message: `The service is receiving too many requests from this key. Try again ${when}.`,
    };
  }
  if (status >= 500) {
    const said = serviceSays !== undefined ? `: ${serviceSays}` : '';
    return {
      kind: 'server',
      ...known,
      message: `The service failed to handle the request (HTTP ${status})${said}. Try again in a moment.`,
    };
  }
  const details = fieldDetails(body);
  return {
    kind: 'invalid',
    ...known,
    message: serviceSays ?? `The service refused the request (HTTP ${status}).`,
    ...(details !== undefined ? { details } : {}),
  };
}

export function errorFromUnanswered(failure: Unanswered, context: ErrorContext): AppError {
  if (failure.failure === 'timeout') {
    return {
      kind: 'timeout',
      message: `${context.host} did not answer within ${seconds(context.timeoutMs)}.`,
    };
  }
  return {
    kind: 'network',
    message: `Cannot reach ${context.host}: ${failure.cause}. Check the endpoint and your network.`,
  };
}

export const CANCELLED_ERROR: AppError = {
  kind: 'network',
  message: 'The request was cancelled before the service answered.',
};

/** Any exchange that did not succeed, as an error. */
export function errorFromExchange(exchange: Exchange, context: ErrorContext): AppError {
  if (exchange.kind === 'answered') return errorFromAnswer(exchange, context);
  if (exchange.kind === 'unanswered') return errorFromUnanswered(exchange, context);
  return CANCELLED_ERROR;
}

/** A success the app cannot read: the endpoint may be some other service, or the API changed. */
export function malformedAnswerError(
  answer: Answered,
  context: ErrorContext,
  problem: z.ZodError | string,
): AppError {
  const what =
    typeof problem === 'string'
      ? problem
      : fieldProblems(problem)
          .slice(0, 3)
          .map((p) => (p.field !== '' ? `${p.field}: ${p.message}` : p.message))
          .join('; ');
  return {
    kind: 'server',
    status: answer.status,
    message: `${context.host} answered with data this app does not understand (${what}). Check that the endpoint is an Azure AI Vision resource.`,
  };
}

/** Reads a success answer with a schema, or says why it cannot. */
export function parseAnswer<T>(
  answer: Answered,
  schema: z.ZodType<T>,
  context: ErrorContext,
): Result<T> {
  if (answer.body.kind === 'notJson') {
    return fail(malformedAnswerError(answer, context, `not JSON: ${answer.body.problem}`));
  }
  if (answer.body.kind === 'empty') return fail(malformedAnswerError(answer, context, 'no body'));
  const parsed = schema.safeParse(answer.body.value);
  if (!parsed.success) return fail(malformedAnswerError(answer, context, parsed.error));
  return ok(parsed.data);
}
