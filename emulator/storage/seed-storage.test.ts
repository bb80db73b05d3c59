import {
  ContainerSASPermissions,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DATASETS } from '../seed-datasets';
import { AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY, startAzurite } from './azurite';
import type { RunningAzurite } from './azurite';
import { PNG_SIGNATURE } from './png';
import { SAMPLE_CONTAINER, seedSampleStorage } from './seed-storage';
import type { SampleStorage } from './seed-storage';

// Generous: Azurite starts in a few seconds, slower on a busy machine.
const AZURITE_START_MS = 30_000;

let azurite: RunningAzurite;
let seeded: SampleStorage;

beforeAll(async () => {
  azurite = await startAzurite();
  seeded = await seedSampleStorage(azurite);
}, AZURITE_START_MS);

afterAll(async () => {
  await azurite?.stop();
});

const withToken = (uri: string, token: string) => `${uri}?${token}`;
const listUrl = (token: string) => `${seeded.containerUrl}?restype=container&comp=list&${token}`;

function containerToken(permissions: string, expiresOn = new Date(Date.now() + 3_600_000)) {
  return generateBlobSASQueryParameters(
    {
      containerName: SAMPLE_CONTAINER,
      permissions: ContainerSASPermissions.parse(permissions),
      expiresOn,
      protocol: SASProtocol.HttpsAndHttp,
    },
    new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY),
  ).toString();
}

describe('seeding local Blob Storage with the samples', () => {
  it('gives each seeded dataset its files, in the container, as many as it lists', () => {
    expect(seeded.containerUrl).toBe(`${azurite.blobEndpoint}/${SAMPLE_CONTAINER}`);
    for (const dataset of SEED_DATASETS) {
      const uris = seeded.annotationFileUris[dataset.name]!;
      expect(uris).toHaveLength(dataset.annotationFileUris.length);
      for (const uri of uris) expect(uri.startsWith(`${seeded.containerUrl}/`)).toBe(true);
    }
  });

  it('hands out a read+list token that reads every file and the images they name', async () => {
    for (const uri of Object.values(seeded.annotationFileUris).flat()) {
      const response = await fetch(withToken(uri, seeded.sasToken));
      expect(response.status, uri).toBe(200);
      const coco = (await response.json()) as { images: { coco_url: string }[] };
      const image = await fetch(withToken(coco.images[0]!.coco_url, seeded.sasToken));
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await image.arrayBuffer()).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    }
    const broken = await fetch(withToken(seeded.brokenFileUri, seeded.sasToken));
    expect(broken.status).toBe(200);
  });

  it('keeps the container private: no token, no file', async () => {
    const uri = seeded.annotationFileUris[SEED_DATASETS[0]!.name]![0]!;
    expect([403, 404]).toContain((await fetch(uri)).status);
    expect([403, 404]).toContain(
      (await fetch(`${seeded.containerUrl}?restype=container&comp=list`)).status,
    );
  });

  it('lists the container with the token: images, seeded files and the broken one', async () => {
    const response = await fetch(listUrl(seeded.sasToken));
    expect(response.status).toBe(200);
    const listing = await response.text();
    expect(listing).toContain('<Name>images/red-on-white.png</Name>');
    expect(listing).toContain('<Name>broken/');
    expect(listing).toContain(`<Name>${SEED_DATASETS[0]!.name}/`);
  });

  it('grants what the token says only: read without list, list without read, nothing expired', async () => {
    const uri = seeded.annotationFileUris[SEED_DATASETS[0]!.name]![0]!;
    const readOnly = containerToken('r');
    expect((await fetch(withToken(uri, readOnly))).status).toBe(200);
    expect((await fetch(listUrl(readOnly))).status).toBe(403);

    const listOnly = containerToken('l');
    expect((await fetch(listUrl(listOnly))).status).toBe(200);
    const refused = await fetch(withToken(uri, listOnly));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ms-error-code')).toMatch(/Authorization/);

    const expired = containerToken('rl', new Date(Date.now() - 60_000));
    const late = await fetch(withToken(uri, expired));
    expect(late.status).toBe(403);
    // Azure answers AuthenticationFailed; Azurite AuthorizationFailure.
    expect(late.headers.get('x-ms-error-code')).toMatch(
      /^(AuthenticationFailed|AuthorizationFailure)$/,
    );
  });

  it('can seed the same storage again, and the earlier token still reads', async () => {
    const again = await seedSampleStorage(azurite);
    const uri = again.annotationFileUris[SEED_DATASETS[1]!.name]![0]!;
    expect((await fetch(withToken(uri, seeded.sasToken))).status).toBe(200);
    expect((await fetch(withToken(uri, again.sasToken))).status).toBe(200);
  });

  it(
    'a token saved with a dataset still reads after Azurite restarts on the same port, empty, and is seeded again',
    async () => {
      const port = azurite.port;
      await azurite.stop();
      azurite = await startAzurite({ port });
      const uri = seeded.annotationFileUris[SEED_DATASETS[2]!.name]![0]!;
      // In memory: nothing is left from before the restart until the samples go in again.
      expect((await fetch(withToken(uri, seeded.sasToken))).status).toBe(404);
      await seedSampleStorage(azurite);
      expect((await fetch(withToken(uri, seeded.sasToken))).status).toBe(200);
    },
    AZURITE_START_MS,
  );
});
