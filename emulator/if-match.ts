/** What an `If-Match` header asks for: any current version, or one of a list of eTags. */
export type IfMatch = { kind: 'any' } | { kind: 'eTags'; eTags: readonly string[] };

export const IF_MATCH_ANY: IfMatch = { kind: 'any' };

/**
 * The contract carries eTags unquoted in the body while HTTP quotes entity tags, so both forms
 * are accepted. Weak tags (`W/"..."`) are kept as written, so they never equal a strong eTag:
 * If-Match uses the strong comparison (RFC 9110 13.1.1).
 */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) return IF_MATCH_ANY;
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.includes('*')) return IF_MATCH_ANY;
  return { kind: 'eTags', eTags: entries.map(unquote) };
}

function unquote(entry: string): string {
  return entry.length >= 2 && entry.startsWith('"') && entry.endsWith('"')
    ? entry.slice(1, -1)
    : entry;
}

export function ifMatchAllows(ifMatch: IfMatch, currentETag: string): boolean {
  return ifMatch.kind === 'any' || ifMatch.eTags.includes(currentETag);
}
