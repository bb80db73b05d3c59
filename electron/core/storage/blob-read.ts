import type { StorageProblem } from '../../../shared/storage/check-contract';
import type { BlobLocation } from './blob-url';
import { signFor } from './storage-access';
import type { ResolvedAccess, SignedRequest } from './storage-access';
import { problemFromNetworkError, problemFromResponse } from './storage-errors';
import type { RefusalContext } from './storage-errors';

/** What a refusal of a signed read of `target` is explained with (the token's dates among it). */
export function readRefusalContext(request: SignedRequest, target: BlobLocation): RefusalContext {
  return {
    need: 'read',
    ...(request.sasToken && { sasToken: request.sasToken }),
    ...(request.sasWithheld && { sasWithheld: request.sasWithheld }),
    account: target.account,
    container: target.container,
    blobName: target.blobName,
  };
}

export type BlobRead =
  | { ok: true; body: Buffer; response: Response }
  /** Larger than allowed: said by its Content-Length, or found while reading. */
  | { ok: false; tooLarge: true }
  | { ok: false; tooLarge: false; problem: StorageProblem };

export interface ReadBlobOptions {
  fetch: typeof fetch;
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Reads `target` whole (while reading the annotation file `file`: the token goes only to the
 * file's own account), at most `maxBytes`: a larger blob is not read on, whatever its headers
 * say. A refusal or a failed network comes back as the problem to show.
 */
export async function readBlob(
  target: BlobLocation,
  file: BlobLocation,
  access: ResolvedAccess,
  { fetch: fetchFn, maxBytes, timeoutMs }: ReadBlobOptions,
): Promise<BlobRead> {
  const request = signFor(target, file, access);
  const host = new URL(target.accountUrl).host;
  let response: Response;
  try {
    response = await fetchFn(request.url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, tooLarge: false, problem: problemFromNetworkError(error, host) };
  }
  if (!response.ok) {
    const problem = await problemFromResponse(response, readRefusalContext(request, target));
    return { ok: false, tooLarge: false, problem };
  }
  const declared = Number(response.headers.get('content-length'));
  if (response.headers.has('content-length') && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, tooLarge: true };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const };
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel().catch(() => {});
        return { ok: false, tooLarge: true };
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    return { ok: false, tooLarge: false, problem: problemFromNetworkError(error, host) };
  }
  return { ok: true, body: Buffer.concat(chunks, size), response };
}
