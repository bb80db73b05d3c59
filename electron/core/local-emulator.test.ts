import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_SAS_TOKEN, SEED_DATASETS } from '../../emulator/seed-datasets';
import type { Dataset } from '../../shared/contract/dataset';
import { API_VERSION, DATASETS_PATH, SUBSCRIPTION_KEY_HEADER } from '../../shared/contract/limits';
import { startLocalEmulator } from './local-emulator';
import type { LocalEmulator, LocalEmulatorOptions } from './local-emulator';
import { createKeyFileCipher } from './secrets/key-file-cipher';
import { createSecretVault } from './secrets/secret-vault';
import { openConfStore } from './settings/settings-store';

// Azurite takes a few seconds to start, more on a busy machine.
const WITH_STORAGE_MS = 60_000;

const running: LocalEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((local) => local.close()));
});

async function start(dataDir: string, options: LocalEmulatorOptions): Promise<LocalEmulator> {
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const vault = createSecretVault({
    store: openConfStore(dataDir, 'settings'),
    cipher: cipher.value,
  });
  const local = await startLocalEmulator(dataDir, vault, options);
  running.push(local);
  return local;
}

async function stop(local: LocalEmulator): Promise<void> {
  running.splice(running.indexOf(local), 1);
  await local.close();
}

async function datasetOf(local: LocalEmulator, name: string): Promise<Dataset> {
  const response = await fetch(
    `${local.connection.endpoint}${DATASETS_PATH}/${name}?api-version=${API_VERSION}`,
    { headers: { [SUBSCRIPTION_KEY_HEADER]: local.connection.key } },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Dataset;
}

const newDataDir = () => mkdtempSync(join(tmpdir(), 'dm-local-emulator-'));

describe('the Local emulator', () => {
  it('without local storage, seeds the samples exactly as the emulator lists them', async () => {
    const local = await start(newDataDir(), {});
    expect(local.storage).toBeUndefined();
    const retail = await datasetOf(local, 'retail-shelf-products');
    const seed = SEED_DATASETS.find((d) => d.name === 'retail-shelf-products')!;
    expect(retail.annotationFileUris).toEqual(seed.annotationFileUris);
    expect(retail.authentication).toEqual({ kind: 'sas', sasToken: SAMPLE_SAS_TOKEN });
  });

  it(
    'with local storage, points the samples at files it serves, still readable after a restart',
    async () => {
      const dataDir = newDataDir();
      const first = await start(dataDir, { localStorage: true });
      expect(first.storage?.blobEndpoint).toMatch(
        /^http:\/\/127\.0\.0\.1:[0-9]+\/devstoreaccount1$/,
      );
      expect(first.notice).toBeUndefined();
      // Storage starts beside the emulator; the datasets already point at it.
      expect(await first.storage!.ready).toEqual({});
      const flowers = await datasetOf(first, 'flowers-classification');
      expect(flowers.authentication?.kind).toBe('sas');
      expect(flowers.annotationFileUris).toHaveLength(2);
      const [uri] = flowers.annotationFileUris;
      expect(uri!.startsWith(`${first.storage!.containerUrl}/`)).toBe(true);
      const token = flowers.authentication!.sasToken!;
      expect((await fetch(`${uri}?${token}`)).status).toBe(200);
      expect([403, 404]).toContain((await fetch(uri!)).status);
      const blobEndpoint = first.storage!.blobEndpoint;
      await stop(first);
      // Closing the app stops Blob Storage too.
      await expect(fetch(`${uri}?${token}`)).rejects.toThrow();

      // The data file is not new: the datasets kept, storage on the same port, filled again.
      const second = await start(dataDir, { localStorage: true });
      expect(second.storage?.blobEndpoint).toBe(blobEndpoint);
      expect(await second.storage!.ready).toEqual({});
      const again = await datasetOf(second, 'flowers-classification');
      expect(again.annotationFileUris).toEqual(flowers.annotationFileUris);
      expect(again.authentication?.sasToken).toBe(token);
      expect((await fetch(`${uri}?${token}`)).status).toBe(200);
    },
    WITH_STORAGE_MS,
  );
});
