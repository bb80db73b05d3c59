import {
  BlobServiceClient,
  ContainerSASPermissions,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { SEED_DATASETS, sampleBlobNames } from '../seed-datasets';
import type { SeedStorage } from '../seed-datasets';
import type { RunningAzurite } from './azurite';
import { BROKEN_FILE, sampleBlobs } from './sample-files';

export const SAMPLE_CONTAINER = 'samples';

/** Long enough that a data file seeded today keeps working; Azure's own tools offer a year. */
const SAS_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

export interface SampleStorage extends SeedStorage {
  /** `http://127.0.0.1:PORT/devstoreaccount1/samples`. */
  containerUrl: string;
  /** A file with the usual COCO export mistakes, there for the annotation checks to find. */
  brokenFileUri: string;
}

export type StorageAccount = Pick<RunningAzurite, 'blobEndpoint' | 'accountName' | 'accountKey'>;

/**
 * Where the sample files will be and a read+list SAS for their container, worked out without
 * Storage running: the token is signed with the account key, which Azurite keeps the same, so
 * datasets can be seeded with it before Azurite has started (and a token saved with a dataset
 * still works after a restart).
 */
export function sampleStoragePlan(account: StorageAccount, now: Date = new Date()): SampleStorage {
  const credential = new StorageSharedKeyCredential(account.accountName, account.accountKey);
  const containerUrl = `${account.blobEndpoint}/${SAMPLE_CONTAINER}`;
  const sasToken = generateBlobSASQueryParameters(
    {
      containerName: SAMPLE_CONTAINER,
      permissions: ContainerSASPermissions.parse('rl'),
      expiresOn: new Date(now.getTime() + SAS_LIFETIME_MS),
      // Azurite serves plain http; a real account would take https only.
      protocol: SASProtocol.HttpsAndHttp,
    },
    credential,
  ).toString();
  const uriOf = (name: string) => `${containerUrl}/${name}`;
  const annotationFileUris = Object.fromEntries(
    SEED_DATASETS.map((dataset) => [dataset.name, sampleBlobNames(dataset).map(uriOf)]),
  );
  return { containerUrl, sasToken, annotationFileUris, brokenFileUri: uriOf(BROKEN_FILE) };
}

/**
 * Creates the private container `samples` (again, if it is there: uploads overwrite) with
 * sample images, a valid COCO file for each file a seeded dataset lists, and a broken one.
 */
export async function uploadSampleFiles(account: StorageAccount): Promise<void> {
  const credential = new StorageSharedKeyCredential(account.accountName, account.accountKey);
  const container = new BlobServiceClient(account.blobEndpoint, credential).getContainerClient(
    SAMPLE_CONTAINER,
  );
  try {
    await container.createIfNotExists();
    await Promise.all(
      sampleBlobs(container.url).map((blob) =>
        container.getBlockBlobClient(blob.name).uploadData(blob.body, {
          blobHTTPHeaders: { blobContentType: blob.contentType },
        }),
      ),
    );
  } catch (error) {
    throw new Error(
      `Cannot put the sample files into local Blob Storage at ${account.blobEndpoint}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** The sample files uploaded, and where they are with the token to read them. */
export async function seedSampleStorage(
  account: StorageAccount,
  now: Date = new Date(),
): Promise<SampleStorage> {
  await uploadSampleFiles(account);
  return sampleStoragePlan(account, now);
}
