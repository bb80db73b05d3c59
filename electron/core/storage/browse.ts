import { AnonymousCredential, ContainerClient, newPipeline } from '@azure/storage-blob';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type {
  BrowseEntry,
  BrowseListing,
  StorageProblem,
} from '../../../shared/storage/check-contract';
import { encodeBlobName, folderOf, parseBlobUrl, signedUrl } from './blob-url';
import { fetchHttpClient } from './fetch-http-client';
import type { ResolvedAccess } from './storage-access';
import { tokenRefusedFor } from './storage-access';
import {
  problemFromNetworkError,
  problemFromRefusal,
  sasProblemBeforeSending,
} from './storage-errors';

/** Entries (folders and blobs together) one listing shows at most: narrow the folder for more. */
export const BROWSE_LIMIT = 5_000;

export interface BrowseOptions {
  location: string;
  prefix?: string;
  access: ResolvedAccess;
  fetch: typeof fetch;
}

const storageError = (problem: StorageProblem) =>
  fail<BrowseListing>({
    kind: 'storage',
    message: problem.message,
    code: problem.code,
    ...(problem.status !== undefined && { status: problem.status }),
  });

/**
 * One folder of a container, listed with the access chosen (a SAS with List permission, or a
 * container open to anonymous listing): the folder of the blob typed, or `prefix`. Nothing in
 * the listing carries the token: every URL is built from the container's bare URL.
 */
export async function browseContainer(options: BrowseOptions): Promise<Result<BrowseListing>> {
  const parsed = parseBlobUrl(options.location);
  if (!parsed.ok) return storageError(parsed.problem);
  const location = parsed.value;
  const { access } = options;
  if (access.unreadable) return storageError(access.unreadable);
  const refused = tokenRefusedFor(location, access);
  if (refused) return storageError(refused);
  if (access.sasToken) {
    const early = sasProblemBeforeSending(access.sasToken, 'list');
    if (early) return storageError(early);
  }

  const prefix = options.prefix ?? folderOf(location.blobName);
  const containerUrl = access.sasToken
    ? signedUrl(location.containerUrl, access.sasToken)
    : location.containerUrl;
  const container = new ContainerClient(
    containerUrl,
    newPipeline(new AnonymousCredential(), {
      httpClient: fetchHttpClient(options.fetch),
      // The user is waiting on the dialog: an answer now, or a clear failure to retry by hand.
      retryOptions: { maxTries: 1 },
    }),
  );

  const folders: string[] = [];
  const blobs: BrowseEntry[] = [];
  let truncated = false;
  try {
    const pages = container
      .listBlobsByHierarchy('/', { ...(prefix && { prefix }) })
      .byPage({ maxPageSize: BROWSE_LIMIT });
    const first = await pages.next();
    if (!first.done) {
      const page = first.value;
      for (const folder of page.segment.blobPrefixes ?? []) folders.push(folder.name);
      for (const blob of page.segment.blobItems) {
        blobs.push({
          path: blob.name,
          size: blob.properties.contentLength ?? 0,
          lastModified: blob.properties.lastModified.toISOString(),
          uri: `${location.containerUrl}/${encodeBlobName(blob.name)}`,
          isJson: blob.name.toLowerCase().endsWith('.json'),
        });
      }
      truncated = Boolean(page.continuationToken);
    }
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number') {
      const details = (error as { details?: { errorCode?: unknown } }).details;
      const serviceCode =
        typeof details?.errorCode === 'string'
          ? details.errorCode
          : typeof (error as { code?: unknown }).code === 'string'
            ? (error as { code: string }).code
            : undefined;
      return storageError(
        problemFromRefusal(status, serviceCode, {
          need: 'list',
          ...(access.sasToken && { sasToken: access.sasToken }),
          account: location.account,
          container: location.container,
        }),
      );
    }
    return storageError(problemFromNetworkError(error, new URL(location.accountUrl).host));
  }
  return ok({ containerUrl: location.containerUrl, prefix, folders, blobs, truncated });
}
