import { expect, test } from './support/fixtures';
import { containerSas, localEmulatorDatasets, uploadBlob } from './support/storage';
import { startWebApp } from './support/web-app';

/*
 * The built-in sample: with local storage on, the Local emulator's seeded datasets point at
 * real files in Azurite that their SAS token reads, so checks have something true to find.
 * Checked over HTTP, as the service would read the files, not through the page.
 */

interface RedactedDataset {
  annotationFileUris: string[];
  authentication?: { kind: string; hasSasToken: boolean };
}

test('the Local emulator seeds datasets whose files its own Blob Storage serves with their token', async () => {
  test.setTimeout(120_000);
  const app = await startWebApp(undefined, { localStorage: true });
  try {
    const got = await app.call<{ ok: boolean; value: RedactedDataset }>('datasets:get', {
      connectionId: 'local-emulator',
      name: 'retail-shelf-products',
    });
    expect(got.ok).toBe(true);
    expect(got.value.authentication).toMatchObject({ kind: 'sas', hasSasToken: true });
    const [uri] = got.value.annotationFileUris;
    expect(uri).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+\/devstoreaccount1\/samples\//);

    const saved = (await localEmulatorDatasets(app.dataDir)).find(
      (d) => d.name === 'retail-shelf-products',
    );
    const token = saved?.authentication?.sasToken ?? '';
    expect(token).toContain('sig=');

    // Blob Storage starts beside the app, which does not wait for it.
    await expect
      .poll(async () => (await fetch(`${uri}?${token}`).catch(() => undefined))?.status, {
        timeout: 30_000,
      })
      .toBe(200);
    const read = await fetch(`${uri}?${token}`);
    const coco = (await read.json()) as { images: unknown[]; annotations: unknown[] };
    expect(coco.images.length).toBeGreaterThan(0);
    expect(coco.annotations.length).toBeGreaterThan(0);
    expect([403, 404]).toContain((await fetch(uri!)).status);
    // The token never reaches the app's output.
    expect(app.output()).not.toContain(token);
  } finally {
    await app.stop();
  }
});

test('the storage helpers sign tokens Azurite holds to what they allow', async ({ azurite }) => {
  const container = 'helpers-check';
  const uri = await uploadBlob(azurite, container, 'coco/train.json', '{"images":[]}');
  const list = (token: string) =>
    fetch(`${azurite.blobEndpoint}/${container}?restype=container&comp=list&${token}`);
  const read = (token: string) => fetch(`${uri}?${token}`);

  const readList = containerSas(azurite, container, 'read+list');
  expect((await read(readList)).status).toBe(200);
  expect(await (await list(readList)).text()).toContain('<Name>coco/train.json</Name>');

  const readOnly = containerSas(azurite, container, 'read-only');
  expect((await read(readOnly)).status).toBe(200);
  expect((await list(readOnly)).status).toBe(403);

  const listOnly = containerSas(azurite, container, 'list-only');
  expect((await list(listOnly)).status).toBe(200);
  expect((await read(listOnly)).status).toBe(403);

  expect((await read(containerSas(azurite, container, 'expired'))).status).toBe(403);
  expect([403, 404]).toContain((await fetch(uri)).status);
});
