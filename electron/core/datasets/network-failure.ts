/** What went wrong on the way to the service, in words, and whether the request may have arrived. */
export interface NetworkFailure {
  cause: string;
  /** False only when the connection never opened, so the service cannot have acted on it. */
  maybeReceived: boolean;
}

/** Failures that happen before a byte of the request leaves: replaying them is always safe. */
const BEFORE_SENDING: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (nothing is listening there)',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up just now',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time',
};

const AFTER_SENDING: Record<string, string> = {
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was closed before the answer arrived',
};

const CERTIFICATE_CODE = /CERT|SSL|TLS/;

function errorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node wraps "localhost" (IPv6 and IPv4 tried in turn) failures in an AggregateError.
  const nested = error instanceof AggregateError ? error.errors[0] : undefined;
  return errorCode((error as { cause?: unknown }).cause ?? nested, depth + 1);
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (cause === undefined || cause === null) break;
    current = cause;
  }
  return current instanceof Error ? current.message : String(current);
}

/** Reads a fetch rejection: undici hides the socket's error code in `cause`. */
export function describeNetworkFailure(error: unknown): NetworkFailure {
  const code = errorCode(error);
  if (code !== undefined) {
    const before = BEFORE_SENDING[code];
    if (before !== undefined) return { cause: before, maybeReceived: false };
    const after = AFTER_SENDING[code];
    if (after !== undefined) return { cause: after, maybeReceived: true };
    if (CERTIFICATE_CODE.test(code)) {
      return { cause: `its TLS certificate is not accepted (${code})`, maybeReceived: false };
    }
  }
  const detail = innermostMessage(error);
  return {
    cause: code !== undefined ? `${detail} (${code})` : detail,
    maybeReceived: true,
  };
}
