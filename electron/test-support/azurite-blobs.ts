import {
  AccountSASPermissions,
  AccountSASResourceTypes,
  AccountSASServices,
  BlobServiceClient,
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateAccountSASQueryParameters,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import type { ContainerClient } from '@azure/storage-blob';
import { AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY, startAzurite } from '../../emulator/storage/azurite';
import type { RunningAzurite } from '../../emulator/storage/azurite';

/** Shared by the storage tests only: Azurite with blobs uploaded and SAS tokens signed for them. */

export interface TestStorage {
  azurite: RunningAzurite;
  /** `http://127.0.0.1:PORT/devstoreaccount1/CONTAINER`. */
  containerUrl(container: string): string;
  container(name: string): Promise<ContainerClient>;
  upload(container: string, name: string, body: string | Buffer): Promise<string>;
  /** A container SAS; `permissions` like `rl`; dates relative to now, in hours. */
  sas(
    container: string,
    permissions: string,
    options?: { startsInHours?: number; expiresInHours?: number },
  ): string;
  /** An account SAS for blobs; `resourceTypes` like `sco`. */
  accountSas(permissions: string, resourceTypes: string): string;
  stop(): Promise<void>;
}

export async function startTestStorage(): Promise<TestStorage> {
  const azurite = await startAzurite({ memoryLimitMB: 256 });
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY);
  const service = new BlobServiceClient(azurite.blobEndpoint, credential);
  const made = new Set<string>();
  const container = async (name: string) => {
    const client = service.getContainerClient(name);
    if (!made.has(name)) {
      await client.createIfNotExists();
      made.add(name);
    }
    return client;
  };
  return {
    azurite,
    containerUrl: (name) => `${azurite.blobEndpoint}/${name}`,
    container,
    async upload(containerName, name, body) {
      const client = (await container(containerName)).getBlockBlobClient(name);
      await client.upload(body, Buffer.byteLength(body));
      return client.url;
    },
    sas(containerName, permissions, options = {}) {
      const hour = 3600_000;
      const now = Date.now();
      return generateBlobSASQueryParameters(
        {
          containerName,
          permissions: ContainerSASPermissions.parse(permissions),
          ...(options.startsInHours !== undefined && {
            startsOn: new Date(now + options.startsInHours * hour),
          }),
          expiresOn: new Date(now + (options.expiresInHours ?? 1) * hour),
        },
        credential,
      ).toString();
    },
    accountSas(permissions, resourceTypes) {
      return generateAccountSASQueryParameters(
        {
          permissions: AccountSASPermissions.parse(permissions),
          resourceTypes: AccountSASResourceTypes.parse(resourceTypes).toString(),
          services: AccountSASServices.parse('b').toString(),
          expiresOn: new Date(Date.now() + 3600_000),
        },
        credential,
      ).toString();
    },
    stop: () => azurite.stop(),
  };
}

/** A small valid COCO file whose images are the given URLs. */
export function cocoFileWith(
  imageUrls: string[],
  kind: 'detection' | 'classification' = 'detection',
): string {
  const images = imageUrls.map((url, i) => ({
    id: i + 1,
    width: 640,
    height: 480,
    file_name: `img-${i + 1}.jpg`,
    coco_url: url,
  }));
  const annotations = images.map((image, i) => ({
    id: i + 1,
    image_id: image.id,
    category_id: 1,
    ...(kind === 'detection' && { bbox: [0.1, 0.1, 0.5, 0.5], area: 0.25 }),
  }));
  return JSON.stringify({ images, annotations, categories: [{ id: 1, name: 'thing' }] });
}
