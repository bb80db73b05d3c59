import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  API_VERSION,
  LIST_TOP_DEFAULT,
  LIST_TOP_MAX,
  LIST_TOP_MIN,
  SUBSCRIPTION_KEY_HEADER,
} from '../shared/contract/limits';
import { ApiError } from './api-error';

/** Compares digests so the time taken says nothing about how much of the key was right. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function checkSubscriptionKey(headers: IncomingHttpHeaders, key: string): void {
  const given = headers[SUBSCRIPTION_KEY_HEADER.toLowerCase()];
  if (given === undefined || given === '') {
    throw new ApiError(
      401,
      'Unauthorized',
      `Access denied: the ${SUBSCRIPTION_KEY_HEADER} header is missing. Send the subscription key of the resource.`,
    );
  }
  if (typeof given !== 'string' || !sameSecret(given, key)) {
    throw new ApiError(
      401,
      'Unauthorized',
      `Access denied: the ${SUBSCRIPTION_KEY_HEADER} header holds an invalid subscription key. Check the key of the resource.`,
    );
  }
}

export function checkApiVersion(query: URLSearchParams): void {
  const given = query.getAll('api-version');
  if (given.length === 0) {
    throw new ApiError(
      400,
      'MissingApiVersionParameter',
      `The api-version query parameter is required; this service supports api-version=${API_VERSION}.`,
      { target: 'api-version' },
    );
  }
  if (given.length > 1 || given[0] !== API_VERSION) {
    throw new ApiError(
      400,
      'UnsupportedApiVersion',
      `The api-version "${given.join(',')}" is not supported; this service supports api-version=${API_VERSION}.`,
      { target: 'api-version' },
    );
  }
}

export interface ListQuery {
  skip: number;
  top: number;
}

const INT32_MAX = 2_147_483_647;

function integerParameter(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const given = query.getAll(name);
  if (given.length === 0) return fallback;
  const range = max === INT32_MAX ? `${min} or more` : `from ${min} to ${max}`;
  const text = given[0]!;
  const value = Number(text);
  if (given.length > 1 || !/^[0-9]+$/.test(text) || value < min || value > max) {
    const why = given.length > 1 ? 'is given more than once' : `is "${text}"`;
    throw new ApiError(
      400,
      'InvalidArgument',
      `The query parameter ${name} ${why}; it must be an integer ${range}.`,
      { target: name },
    );
  }
  return value;
}

export function parseListQuery(query: URLSearchParams): ListQuery {
  return {
    skip: integerParameter(query, 'skip', 0, 0, INT32_MAX),
    top: integerParameter(query, 'top', LIST_TOP_DEFAULT, LIST_TOP_MIN, LIST_TOP_MAX),
  };
}
