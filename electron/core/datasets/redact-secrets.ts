import type { AppError, Result } from '../../../shared/ipc/errors';

const HIDDEN = '[hidden]';

/** A SAS signature in any text: enough of a token to use it, so never shown. */
const SAS_SIGNATURE = /\bsig=[^&\s"'<>]+/gi;

function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join(HIDDEN);
    }
  }
  return result.replace(SAS_SIGNATURE, `sig=${HIDDEN}`);
}

/**
 * Messages end up on screen, in logs and in bug reports; a service or a socket error may echo
 * what it was sent. So the key and SAS tokens are taken out of every error before it leaves.
 */
export function redactError(error: AppError, secrets: readonly (string | undefined)[]): AppError {
  const known = secrets.filter((s): s is string => s !== undefined && s !== '');
  const redacted: AppError = { ...error, message: redactText(error.message, known) };
  if (error.code !== undefined) redacted.code = redactText(error.code, known);
  if (error.details) {
    redacted.details = error.details.map((detail) => ({
      field: redactText(detail.field, known),
      message: redactText(detail.message, known),
    }));
  }
  return redacted;
}

export function redactResult<T>(
  result: Result<T>,
  secrets: readonly (string | undefined)[],
): Result<T> {
  return result.ok ? result : { ok: false, error: redactError(result.error, secrets) };
}
