import { randomUUID } from 'node:crypto';
import { createFixedCopy, fixedFileName } from '../../../shared/coco/fixed-copy';
import type { AnnotationKind } from '../../../shared/contract/dataset';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { StorageProblem } from '../../../shared/storage/check-contract';
import type {
  FixDownload,
  FixPrepared,
  FixUploaded,
} from '../../../shared/storage/fixed-copy-contract';
import { baseName, encodeBlobName, folderOf, parseBlobUrl, signedUrl } from './blob-url';
import type { BlobLocation } from './blob-url';
import { readBlob } from './blob-read';
import { signFor, tokenRefusedFor } from './storage-access';
import type { ResolvedAccess } from './storage-access';
import {
  errorDetailsFromXml,
  problemFromNetworkError,
  problemFromResponse,
  sasFacts,
  sasProblemBeforeSending,
} from './storage-errors';

/**
 * Fixed copies of annotation files: main reads the file with the dataset's access, mends what
 * has one right answer (shared/coco/fixed-copy.ts) and keeps the result in memory for a while,
 * for the page to upload beside the original or save to disk. A copy is never written over an
 * existing blob (If-None-Match: *), least of all the original; the kept file holds no token.
 */

/** The largest file fixed: it is parsed whole, and a parsed file takes several times its size. */
export const MAX_FIX_BYTES = 256 * 1024 ** 2;
/** Copies kept at once; the oldest goes first. */
export const KEPT_FIXES = 3;
/** Bytes kept in all; past it the oldest copies go (the newest stays, whatever its size). */
export const MAX_KEPT_BYTES = 512 * 1024 ** 2;
/** A copy nobody used for this long is let go. */
export const FIX_IDLE_MS = 30 * 60_000;
/** `NAME.fixed.json`, then `NAME.fixed-2.json` … up to this: the first free name is proposed. */
export const MAX_FIXED_NAMES = 10;
/** A Put Blob version that takes up to 5,000 MiB in one request. */
const STORAGE_VERSION = '2021-12-02';
const REQUEST_TIMEOUT_MS = 120_000;

export interface FixedCopyOptions {
  fetch: typeof fetch;
  now?: () => number;
  maxBytes?: number;
  keep?: number;
  idleMs?: number;
}

export interface FixPrepareInput {
  uri: string;
  kind: AnnotationKind;
  cocoUrlBase?: string;
  access: ResolvedAccess;
}

interface KeptFix {
  fixId: string;
  body: Buffer;
  fixedName: string;
  fixed: BlobLocation;
  /** In memory only, to sign the upload; dropped with the copy. */
  access: ResolvedAccess;
  uploadBlockedReason?: string;
  uploadedUri?: string;
  touched: number;
}

function storageError<T>(problem: StorageProblem): Result<T> {
  return fail<T>({
    kind: 'storage',
    message: problem.message,
    code: problem.code,
    ...(problem.status !== undefined && { status: problem.status }),
  });
}

const other = <T>(message: string) => storageError<T>({ code: 'other', message });

/** Why this access cannot create a blob, if it cannot: `c` or `w` is needed. */
export function uploadBlocker(access: ResolvedAccess, container: string): string | undefined {
  if (!access.sasToken) {
    return 'Uploading needs a SAS token with Create (c) or Write (w) permission, and these files are read without one. Save to disk instead and upload the file yourself.';
  }
  const expired = sasProblemBeforeSending(access.sasToken, 'read');
  if (expired?.code === 'sasExpired') return expired.message;
  const { permissions } = sasFacts(access.sasToken);
  if (permissions !== undefined && /[cw]/.test(permissions)) return undefined;
  const has = permissions === undefined ? '' : ` (its permissions are "${permissions}")`;
  return `The SAS token cannot write to container ${container}${has}. To upload, use a token with Create (c) or Write (w) permission; or save to disk and upload the file yourself.`;
}

/** The JSON text of the copy: indented like the original when the original was indented. */
function serialize(fixed: unknown, original: string): string {
  const indented = /^\s*[[{]\s*\n(\s+)/.exec(original.slice(0, 200));
  const indent = indented?.[1]?.includes('\t') ? '\t' : indented ? indented[1]!.length : 0;
  return `${JSON.stringify(fixed, null, indent)}${indent ? '\n' : ''}`;
}

export function createFixedCopyService(options: FixedCopyOptions) {
  const now = options.now ?? (() => Date.now());
  const maxBytes = options.maxBytes ?? MAX_FIX_BYTES;
  const keep = options.keep ?? KEPT_FIXES;
  const idleMs = options.idleMs ?? FIX_IDLE_MS;
  const kept = new Map<string, KeptFix>();

  function sweep() {
    for (const [id, fix] of kept) if (now() - fix.touched > idleMs) kept.delete(id);
    // Map keeps insertion order: the first ones are the oldest.
    let bytes = 0;
    for (const fix of kept.values()) bytes += fix.body.byteLength;
    while (kept.size > keep || (kept.size > 1 && bytes > MAX_KEPT_BYTES)) {
      const oldest = kept.keys().next().value!;
      bytes -= kept.get(oldest)!.body.byteLength;
      kept.delete(oldest);
    }
  }

  function take(fixId: string): KeptFix | undefined {
    sweep();
    const fix = kept.get(fixId);
    if (fix) fix.touched = now();
    return fix;
  }

  const gone = <T>() =>
    fail<T>({
      kind: 'badRequest',
      message:
        'This fixed copy was let go (after 30 minutes unused, or when newer ones were made). Press Create fixed copy again.',
    });

  const tooLarge = (name: string) =>
    other<never>(
      `${name} is larger than ${Math.round(maxBytes / 1024 ** 2)} MB, more than a fixed copy is made of. Split it into smaller annotation files, or fix it with a script.`,
    );

  async function readText(location: BlobLocation, access: ResolvedAccess): Promise<Result<string>> {
    const read = await readBlob(location, location, access, {
      fetch: options.fetch,
      maxBytes,
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    if (!read.ok) {
      return read.tooLarge ? tooLarge(baseName(location.blobName)) : storageError(read.problem);
    }
    return ok(read.body.toString('utf8').replace(/^\uFEFF/, ''));
  }

  /** `folder/NAME.fixed.json`, or the first `NAME.fixed-N.json` not taken yet. */
  async function freeName(
    location: BlobLocation,
    access: ResolvedAccess,
  ): Promise<{ name: string; taken: boolean }> {
    const original = baseName(location.blobName);
    for (let n = 1; n <= MAX_FIXED_NAMES; n++) {
      const name = fixedFileName(original, n);
      const url = `${location.containerUrl}/${encodeBlobName(folderOf(location.blobName) + name)}`;
      const request = signFor({ ...location, url }, location, access);
      try {
        const response = await options.fetch(request.url, {
          method: 'HEAD',
          signal: AbortSignal.timeout(30_000),
        });
        // Only a clear "not there" makes a name free; anything else is left to the upload,
        // which never overwrites.
        if (response.status !== 200) return { name, taken: false };
      } catch {
        return { name, taken: false };
      }
    }
    return { name: fixedFileName(original, MAX_FIXED_NAMES), taken: true };
  }

  return {
    async prepare(input: FixPrepareInput): Promise<Result<FixPrepared>> {
      sweep();
      const parsed = parseBlobUrl(input.uri);
      if (!parsed.ok) return storageError(parsed.problem);
      const location = parsed.value;
      if (!location.blobName) {
        return storageError({
          code: 'notBlobUrl',
          message: `${location.url} is a container; give the address of the annotation file in it.`,
        });
      }
      const { access } = input;
      if (access.unreadable) return storageError(access.unreadable);
      const refused = tokenRefusedFor(location, access);
      if (refused) return storageError(refused);
      if (access.sasToken) {
        const early = sasProblemBeforeSending(access.sasToken, 'read');
        if (early) return storageError(early);
      }

      const text = await readText(location, access);
      if (!text.ok) return text;
      const fileName = baseName(location.blobName);
      let content: unknown;
      try {
        content = JSON.parse(text.value);
      } catch {
        return fail({
          kind: 'badRequest',
          message: `${fileName} is not valid JSON, so no fixed copy can be made: fix the problems of "The file is complete, valid JSON" first.`,
        });
      }
      const result = createFixedCopy(content, {
        kind: input.kind,
        ...(input.cocoUrlBase !== undefined && { cocoUrlBase: input.cocoUrlBase }),
      });
      if (!result.ok) {
        return fail({
          kind: 'badRequest',
          message: result.message,
          ...(input.cocoUrlBase !== undefined && {
            details: [{ field: 'cocoUrlBase', message: result.message }],
          }),
        });
      }
      const body = Buffer.from(serialize(result.fixed, text.value), 'utf8');

      const free = await freeName(location, access);
      const fixedBlobName = folderOf(location.blobName) + free.name;
      const fixed: BlobLocation = {
        ...location,
        blobName: fixedBlobName,
        url: `${location.containerUrl}/${encodeBlobName(fixedBlobName)}`,
      };
      const blocked = free.taken
        ? `${fixedFileName(fileName)} to ${free.name} exist already in this folder: delete or rename old fixed copies to upload a new one, or save this one to disk.`
        : uploadBlocker(access, location.container);

      const fixId = randomUUID();
      kept.set(fixId, {
        fixId,
        body,
        fixedName: free.name,
        fixed,
        access,
        ...(blocked !== undefined && { uploadBlockedReason: blocked }),
        touched: now(),
      });
      sweep();
      return ok({
        fixId,
        summary: result.summary,
        fileName,
        fixedName: free.name,
        fixedUri: fixed.url,
        bytes: body.byteLength,
        canUpload: blocked === undefined,
        ...(blocked !== undefined && { uploadBlockedReason: blocked }),
      });
    },

    async upload(fixId: string): Promise<Result<FixUploaded>> {
      const fix = take(fixId);
      if (!fix) return gone();
      if (fix.uploadedUri) return ok({ uri: fix.uploadedUri });
      if (fix.uploadBlockedReason) return other(fix.uploadBlockedReason);
      const { fixed, access } = fix;
      let response: Response;
      try {
        response = await options.fetch(signedUrl(fixed.url, access.sasToken!), {
          method: 'PUT',
          headers: {
            'x-ms-version': STORAGE_VERSION,
            'x-ms-blob-type': 'BlockBlob',
            'Content-Type': 'application/json',
            // Created only if no blob has this name: nothing is ever overwritten.
            'If-None-Match': '*',
          },
          body: fix.body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        return storageError(problemFromNetworkError(error, new URL(fixed.accountUrl).host));
      }
      if (response.ok) {
        await response.body?.cancel().catch(() => {});
        fix.uploadedUri = fixed.url;
        return ok({ uri: fixed.url });
      }
      if (response.status === 409 || response.status === 412) {
        await response.body?.cancel().catch(() => {});
        return storageError({
          code: 'other',
          status: response.status,
          message: `${fix.fixedName} appeared in this folder meanwhile, and it was left as it is. Press Create fixed copy again to upload under the next free name, or delete or rename that file.`,
        });
      }
      const clone = response.clone();
      const serviceCode =
        response.headers.get('x-ms-error-code') ??
        errorDetailsFromXml(await clone.text().catch(() => '')).code;
      if (serviceCode === 'AuthorizationPermissionMismatch') {
        return storageError({
          code: 'other',
          status: response.status,
          serviceCode,
          message: `Storage refused to write ${fix.fixedName}: the SAS token lacks Create (c) or Write (w) permission for container ${fixed.container}. Use a token with it, or save to disk and upload the file yourself.`,
        });
      }
      return storageError(
        await problemFromResponse(response, {
          need: 'read',
          sasToken: access.sasToken!,
          account: fixed.account,
          container: fixed.container,
          blobName: fixed.blobName,
        }),
      );
    },

    download(fixId: string): Result<FixDownload> {
      const fix = take(fixId);
      if (!fix) return gone();
      return ok({ fileName: fix.fixedName, text: fix.body.toString('utf8') });
    },

    get size() {
      sweep();
      return kept.size;
    },
  };
}

export type FixedCopyService = ReturnType<typeof createFixedCopyService>;
