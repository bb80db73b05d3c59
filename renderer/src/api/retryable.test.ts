import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/errors';
import { isRetryable } from './retryable';

const error = (kind: AppError['kind'], status?: number): AppError => ({
  kind,
  message: 'm',
  ...(status === undefined ? {} : { status }),
});

describe('isRetryable', () => {
  it.each([
    ['network', undefined],
    ['timeout', undefined],
    ['throttled', 429],
    ['server', 500],
    ['server', 503],
  ] as const)('offers to try again after %s (%s)', (kind, status) => {
    expect(isRetryable(error(kind, status))).toBe(true);
  });

  it.each([
    ['invalid', 400],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['notFound', 404],
    ['alreadyExists', 409],
    ['conflict', 412],
    ['badRequest', undefined],
    ['invalidEndpoint', undefined],
    ['keyUnavailable', undefined],
    ['unknownConnection', undefined],
    ['internal', undefined],
  ] as const)('does not offer it after %s (%s): the same request fails again', (kind, status) => {
    expect(isRetryable(error(kind, status))).toBe(false);
  });

  it('goes by the status when the kind says little (a local server answering 502)', () => {
    expect(isRetryable(error('internal', 502))).toBe(true);
    expect(isRetryable(error('internal', 400))).toBe(false);
  });
});
