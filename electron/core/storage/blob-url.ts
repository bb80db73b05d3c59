import type { StorageProblem } from '../../../shared/storage/check-contract';

/**
 * Where a blob (or a container) lives, read from its URL. Two shapes exist: Azure's own,
 * `https://ACCOUNT.blob.core.windows.net/CONTAINER/BLOB`, and the path-style one of a local
 * emulator (Azurite), `http://127.0.0.1:PORT/ACCOUNT/CONTAINER/BLOB`.
 */
export interface BlobLocation {
  /** The account's blob endpoint, no trailing slash: what two URLs must share to be one account. */
  accountUrl: string;
  account: string;
  container: string;
  /** The blob's name, decoded (`coco/train.json`); empty for a container's URL. */
  blobName: string;
  /** The container's URL, without a query string. */
  containerUrl: string;
  /** The URL without its query string (or fragment). */
  url: string;
}

export type BlobUrlResult =
  { ok: true; value: BlobLocation } | { ok: false; problem: StorageProblem };

/** Azure's public and sovereign clouds, and the DNS-zone endpoints of newer accounts. */
const ACCOUNT_HOST =
  /^([a-z0-9]{3,24})\.(?:blob\.core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)|z[0-9]{2}\.blob\.storage\.azure\.net)$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const CONTAINER_NAME = /^(?:\$root|\$web|\$logs|[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62})$/;

const EXAMPLE = 'https://ACCOUNT.blob.core.windows.net/CONTAINER/folder/file.json';

function notBlobUrl(message: string): BlobUrlResult {
  return { ok: false, problem: { code: 'notBlobUrl', message } };
}

/** `https://host/a/b?sig=x` → `https://host/a/b`: no signature is ever echoed back. */
export function withoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function decodeSegments(segments: string[]): string | undefined {
  try {
    return segments.map((s) => decodeURIComponent(s)).join('/');
  } catch {
    return undefined;
  }
}

/** A blob name as a URL path: each segment encoded, the slashes kept. */
export function encodeBlobName(name: string): string {
  return name
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/**
 * Reads a blob's or a container's URL; anything else gets a `notBlobUrl` problem that says
 * what an address looks like. A query string (a SAS pasted with the URL) is dropped: the token
 * to read with comes from the access chosen, never from the URL.
 */
export function parseBlobUrl(text: string): BlobUrlResult {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return notBlobUrl(
      `"${withoutQuery(trimmed).slice(0, 200)}" is not a web address. A blob's address looks like ${EXAMPLE}.`,
    );
  }
  if (url.username || url.password) {
    return notBlobUrl('A blob address carries no user name or password; remove them.');
  }
  const segments = url.pathname.split('/').slice(1);
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  const hostMatch = ACCOUNT_HOST.exec(url.hostname);

  let account: string;
  let accountUrl: string;
  let rest: string[];
  if (hostMatch?.[1]) {
    if (url.protocol !== 'https:') {
      return notBlobUrl(
        `Blob Storage is read over https: write https://${url.host}${url.pathname}.`,
      );
    }
    account = hostMatch[1];
    accountUrl = url.origin;
    rest = segments;
  } else if (loopback && (url.protocol === 'http:' || url.protocol === 'https:')) {
    // A local emulator names the account in the path: http://127.0.0.1:10000/devstoreaccount1/...
    const [first, ...others] = segments;
    if (!first) {
      return notBlobUrl(
        `A local storage emulator's address names the account first: ${url.origin}/ACCOUNT/CONTAINER/file.json.`,
      );
    }
    account = first;
    accountUrl = `${url.origin}/${first}`;
    rest = others;
  } else {
    return notBlobUrl(
      `${url.host || trimmed.slice(0, 100)} is not a Blob Storage address. A blob's address looks like ${EXAMPLE}.`,
    );
  }

  const [containerSegment, ...blobSegments] = rest;
  if (!containerSegment) {
    return notBlobUrl(`The address names no container: add it after ${accountUrl}/.`);
  }
  const container = decodeSegments([containerSegment]);
  if (container === undefined || !CONTAINER_NAME.test(container)) {
    return notBlobUrl(
      `"${containerSegment.slice(0, 100)}" is not a container name: 3 to 63 lowercase letters, digits and single hyphens.`,
    );
  }
  const blobName = decodeSegments(blobSegments);
  if (blobName === undefined) {
    return notBlobUrl(
      'The blob name in this address has a broken %-escape; copy the address again.',
    );
  }
  const containerUrl = `${accountUrl}/${containerSegment}`;
  return {
    ok: true,
    value: {
      accountUrl,
      account,
      container,
      blobName,
      containerUrl,
      url: blobName ? `${containerUrl}/${encodeBlobName(blobName)}` : containerUrl,
    },
  };
}

/** The folder a blob is in, `a/b/` for `a/b/c.json`; empty at the top. */
export function folderOf(blobName: string): string {
  const slash = blobName.lastIndexOf('/');
  return slash === -1 ? '' : blobName.slice(0, slash + 1);
}

/** The last part of a blob's name: `train.json`. */
export function baseName(blobName: string): string {
  return blobName.slice(blobName.lastIndexOf('/', blobName.length - 2) + 1);
}

/** A URL with a SAS token appended; the token may come with or without its leading `?`. */
export function signedUrl(url: string, sasToken: string): string {
  return `${withoutQuery(url)}?${sasToken.replace(/^\?/, '')}`;
}
