/**
 * The last guard before a check's results cross to the page: every URL loses its query string
 * (a file may list signed image URLs, and a refusal may quote one), and the token read with is
 * cut out wherever it might still appear, whole or as its signature.
 */

const URL_WITH_QUERY = /\b(https?:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi;
const SIGNATURE = /\bsig=[^&\s"'<>]*/gi;

function cleanText(text: string, secrets: string[]): string {
  let clean = text.replace(URL_WITH_QUERY, '$1').replace(SIGNATURE, 'sig=(hidden)');
  for (const secret of secrets) clean = clean.split(secret).join('(hidden)');
  return clean;
}

function signatureOf(sasToken: string): string | undefined {
  const sig = new URLSearchParams(sasToken.replace(/^\?/, '')).get('sig');
  return sig || undefined;
}

function secretsOf(sasToken: string | undefined): string[] {
  if (!sasToken) return [];
  const sig = signatureOf(sasToken);
  const raw = /(?:^|&)sig=([^&]*)/.exec(sasToken.replace(/^\?/, ''))?.[1];
  return [sasToken, sasToken.replace(/^\?/, ''), sig, raw]
    .filter((s): s is string => Boolean(s) && (s?.length ?? 0) >= 8)
    .sort((a, b) => b.length - a.length);
}

function clean(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return cleanText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => clean(v, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, secrets)]));
  }
  return value;
}

/** A deep copy of `value` with no query string on any URL and no trace of `sasToken`. */
export function redactSecrets<T>(value: T, sasToken?: string): T {
  return clean(value, secretsOf(sasToken)) as T;
}
