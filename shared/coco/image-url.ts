/**
 * Where an image's address is, as the service reads it: `coco_url`, else `absolute_url`. The
 * checker and the fixer must agree on this, or a fixed copy would still fail the check.
 */
export function imageUrlKey(
  image: Record<string, unknown>,
): 'coco_url' | 'absolute_url' | undefined {
  if (image.coco_url !== undefined && image.coco_url !== null) return 'coco_url';
  if (image.absolute_url !== undefined && image.absolute_url !== null) return 'absolute_url';
  return undefined;
}

const ABSOLUTE_HTTP_URI = /^https?:\/\/[^\s/?#]+/i;

/** What the service can fetch: an absolute http(s) address with a host. */
export function isAbsoluteHttpUri(value: unknown): value is string {
  return typeof value === 'string' && ABSOLUTE_HTTP_URI.test(value);
}
