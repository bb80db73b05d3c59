import { describe, expect, it } from 'vitest';
import { describeNetworkFailure } from './network-failure';

const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('a fetch that failed', () => {
  it('knows a refused connection never reached the service', () => {
    expect(describeNetworkFailure(fetchFailed(withCode('ECONNREFUSED')))).toEqual({
      cause: 'the connection was refused (nothing is listening there)',
      maybeReceived: false,
    });
  });

  it('finds the code inside the AggregateError Node gives for "localhost"', () => {
    const both = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]);
    expect(describeNetworkFailure(fetchFailed(both)).maybeReceived).toBe(false);
  });

  it('counts a reset as possibly received, and names certificate problems', () => {
    expect(describeNetworkFailure(fetchFailed(withCode('ECONNRESET')))).toEqual({
      cause: 'the connection was reset',
      maybeReceived: true,
    });
    expect(describeNetworkFailure(fetchFailed(withCode('CERT_HAS_EXPIRED'))).cause).toBe(
      'its TLS certificate is not accepted (CERT_HAS_EXPIRED)',
    );
  });

  it('falls back to the innermost message', () => {
    expect(describeNetworkFailure(fetchFailed(new Error('socket hang up')))).toEqual({
      cause: 'socket hang up',
      maybeReceived: true,
    });
  });
});
