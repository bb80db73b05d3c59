import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BlobServiceClient,
  ContainerSASPermissions,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import type { ContainerClient } from '@azure/storage-blob';
import { aesGcmCodec } from '../../electron/core/at-rest-codec';
import { LOCAL_EMULATOR_DATA_KEY_ID } from '../../electron/core/local-emulator';
import { createKeyFileCipher } from '../../electron/core/secrets/key-file-cipher';
import { createSecretVault } from '../../electron/core/secrets/secret-vault';
import { openConfStore } from '../../electron/core/settings/settings-store';
import { loadDataFile } from '../../emulator/data-file';
import type { RunningEmulator } from '../../emulator/server';
import type { RunningAzurite } from '../../emulator/storage/azurite';
import { sampleBlobs } from '../../emulator/storage/sample-files';
import type { SampleBlob } from '../../emulator/storage/sample-files';
import type { AnnotationKind, Dataset } from '../../shared/contract/dataset';
import { putDataset } from './emulator-http';

/*
 * Blob Storage as the test's own hands: put files into an Azurite container and sign SAS
 * tokens with the account key, so a spec can set up exactly what the app should then find.
 */

export type StorageAccount = Pick<RunningAzurite, 'blobEndpoint' | 'accountName' | 'accountKey'>;

const credentialOf = (account: StorageAccount) =>
  new StorageSharedKeyCredential(account.accountName, account.accountKey);

/** A private container (created when missing). */
export async function containerOf(
  account: StorageAccount,
  container: string,
): Promise<ContainerClient> {
  const client = new BlobServiceClient(
    account.blobEndpoint,
    credentialOf(account),
  ).getContainerClient(container);
  await client.createIfNotExists();
  return client;
}

/** Uploads text or bytes as `blobName`; returns the blob's URI, without a token. */
export async function uploadBlob(
  account: StorageAccount,
  container: string,
  blobName: string,
  content: string | Buffer,
  contentType = blobName.endsWith('.json') ? 'application/json' : 'application/octet-stream',
): Promise<string> {
  const blob = (await containerOf(account, container)).getBlockBlobClient(blobName);
  await blob.uploadData(typeof content === 'string' ? Buffer.from(content) : content, {
    blobHTTPHeaders: { blobContentType: contentType },
  });
  return blob.url;
}

/** The sample images and COCO files (valid and broken), those `keep` lets through, in `container`; its URL. */
export async function uploadSamples(
  account: StorageAccount,
  container: string,
  keep: (blob: SampleBlob) => boolean = () => true,
): Promise<string> {
  const containerUrl = `${account.blobEndpoint}/${container}`;
  for (const blob of sampleBlobs(containerUrl).filter(keep)) {
    await uploadBlob(account, container, blob.name, blob.body, blob.contentType);
  }
  return containerUrl;
}

/** Uploads a file from disk (a fixture) as `blobName`; returns the blob's URI. */
export async function uploadFile(
  account: StorageAccount,
  container: string,
  blobName: string,
  path: string,
  contentType?: string,
): Promise<string> {
  return uploadBlob(account, container, blobName, await readFile(path), contentType);
}

/** The tokens specs need: what each may do decides what the app can read or list. */
export type SasKind = 'read+list' | 'read-only' | 'list-only' | 'expired' | 'read+write';

const PERMISSIONS: Record<SasKind, string> = {
  'read+list': 'rl',
  'read-only': 'r',
  'list-only': 'l',
  expired: 'rl',
  // Create and write: a fixed copy is uploaded beside the file.
  'read+write': 'rlcw',
};

/** A container SAS token (no leading `?`), signed with the account key. */
export function containerSas(account: StorageAccount, container: string, kind: SasKind): string {
  const hour = 60 * 60 * 1000;
  return generateBlobSASQueryParameters(
    {
      containerName: container,
      permissions: ContainerSASPermissions.parse(PERMISSIONS[kind]),
      ...(kind === 'expired'
        ? { startsOn: new Date(Date.now() - 2 * hour), expiresOn: new Date(Date.now() - hour) }
        : { expiresOn: new Date(Date.now() + hour) }),
      protocol: SASProtocol.HttpsAndHttp,
    },
    credentialOf(account),
  ).toString();
}

/** Registers `name` over `uris` in `container`, read with a SAS token of that kind. */
export async function putSasDataset(
  emulator: RunningEmulator,
  account: StorageAccount,
  name: string,
  dataset: { kind: AnnotationKind; container: string; uris: string[]; token?: SasKind },
): Promise<Dataset> {
  return putDataset(emulator, name, {
    annotationKind: dataset.kind,
    annotationFileUris: dataset.uris,
    authentication: {
      kind: 'sas',
      sasToken: containerSas(account, dataset.container, dataset.token ?? 'read-only'),
    },
  });
}

/**
 * The built-in emulator's datasets as saved in a browser-mode data folder, SAS tokens
 * included: the app never hands a token out, so a spec that must use one reads the encrypted
 * file the way only the folder's owner can.
 */
export async function localEmulatorDatasets(dataDir: string): Promise<Dataset[]> {
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const vault = createSecretVault({
    store: openConfStore(dataDir, 'settings'),
    cipher: cipher.value,
  });
  const dataKey = await vault.getSecret(LOCAL_EMULATOR_DATA_KEY_ID);
  if (!dataKey.ok) throw new Error(`No key for the emulator's data file: ${dataKey.error.kind}`);
  return loadDataFile(
    join(dataDir, 'emulator', 'datasets.json'),
    aesGcmCodec(Buffer.from(dataKey.value, 'base64')),
  );
}
