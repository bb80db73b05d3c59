import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startLocalEmulator } from '../electron/core/local-emulator';
import { createKeyFileCipher } from '../electron/core/secrets/key-file-cipher';
import { createSecretVault } from '../electron/core/secrets/secret-vault';
import { openConfStore } from '../electron/core/settings/settings-store';
import { startAzurite } from '../emulator/storage/azurite';
import type { RunningAzurite } from '../emulator/storage/azurite';
import { encodePng } from '../emulator/storage/png';
import { startWebApp } from '../e2e/support/web-app';
import type { WebApp } from '../e2e/support/web-app';
import { findChromium } from '../scripts/find-chromium.mjs';
import { emulatorClient } from './emulator-http';
import type { Figure } from './figure';
import { measured, unmeasured } from './figure';
import { RENDERER_OUT } from './renderer-build';
import { round } from './stats';

/** Set by the UI when a check's sampled images first reach the page. */
export const MARK_PREVIEWS_ARRIVED = 'images:data-arrived';
/** Set by the UI in a requestAnimationFrame after the 24th thumbnail's image has loaded. */
export const MARK_THUMBNAILS_PAINTED = 'images:24-painted';

const IMAGES = 50;
const WIDTH = 320;
const HEIGHT = 240;
const CONTAINER = 'thumbnails';
const DATASET = 'bench-thumbnails';
/** Tall, so the `Images` region is in view (thumbnails are read only near the view). */
const VIEWPORT = { width: 1600, height: 3200 };
const MARKS_TIMEOUT_MS = 60_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** 50 PNGs of 320 x 240 (a coloured block on a ground), a detection file of them, a read SAS. */
async function prepareStorage(azurite: RunningAzurite): Promise<{ uri: string; sasToken: string }> {
  const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
  const container = new BlobServiceClient(azurite.blobEndpoint, credential).getContainerClient(
    CONTAINER,
  );
  await container.createIfNotExists();
  const images = [];
  const annotations = [];
  for (let i = 1; i <= IMAGES; i++) {
    const name = `images/${String(i).padStart(3, '0')}.png`;
    const shade = (i * 37) % 256;
    const png = encodePng(WIDTH, HEIGHT, (x, y) =>
      x > 40 && x < 200 && y > 30 && y < 150 ? [250, shade, 40] : [shade, 120, 255 - shade],
    );
    await container.getBlockBlobClient(name).uploadData(png, {
      blobHTTPHeaders: { blobContentType: 'image/png' },
    });
    images.push({
      id: i,
      width: WIDTH,
      height: HEIGHT,
      file_name: name,
      coco_url: `${container.url}/${name}`,
    });
    annotations.push({
      id: i,
      image_id: i,
      category_id: 1 + (i % 2),
      bbox: [0.125, 0.125, 0.5, 0.5],
    });
  }
  const file = {
    images,
    annotations,
    categories: [
      { id: 1, name: 'block' },
      { id: 2, name: 'tile' },
    ],
  };
  const blob = container.getBlockBlobClient('coco/thumbnails.json');
  await blob.uploadData(Buffer.from(JSON.stringify(file)), {
    blobHTTPHeaders: { blobContentType: 'application/json' },
  });
  const sasToken = generateBlobSASQueryParameters(
    {
      containerName: CONTAINER,
      permissions: BlobSASPermissions.parse('r'),
      expiresOn: new Date(Date.now() + 24 * 3600_000),
    },
    credential,
  ).toString();
  return { uri: blob.url, sasToken };
}

/** Registers the dataset in browser mode's Local emulator, through the app's own code. */
async function registerDataset(dataDir: string, uri: string, sasToken: string): Promise<void> {
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const vault = createSecretVault({
    store: openConfStore(dataDir, 'settings'),
    cipher: cipher.value,
  });
  const local = await startLocalEmulator(dataDir, vault);
  const client = emulatorClient(local.emulator.url, local.connection.key, 1);
  try {
    const answer = await client.send('PUT', client.datasetPath(DATASET), {
      annotationKind: 'imageObjectDetection',
      annotationFileUris: [uri],
      authentication: { kind: 'sas', sasToken },
    });
    if (answer.status !== 201)
      throw new Error(`Registering the dataset answered ${answer.status}.`);
  } finally {
    client.close();
    await local.emulator.close();
  }
}

async function measureInPage(page: Page, app: WebApp): Promise<Figure> {
  await page.goto(app.url);
  await page.getByRole('row', { name: DATASET, exact: true }).click();
  await page.getByRole('button', { name: 'Check annotation files', exact: true }).click();
  // Polled with evaluate: waitForFunction evaluates a string, which the page's CSP forbids.
  const painted = `performance.getEntriesByName(${JSON.stringify(MARK_THUMBNAILS_PAINTED)}, 'mark').length > 0`;
  const deadline = Date.now() + MARKS_TIMEOUT_MS;
  try {
    while (!(await page.evaluate(painted))) {
      if (Date.now() > deadline) throw new Error('timeout');
      await page.waitForTimeout(50);
    }
  } catch {
    const images = await page.getByRole('region', { name: /^Images/ }).count();
    return unmeasured(
      'firstThumbnailsMs',
      `The page did not mark 24 thumbnails painted within ${MARKS_TIMEOUT_MS / 1000} s (Images region ${images > 0 ? 'shown' : 'not shown'}).`,
    );
  }
  const at = (name: string) =>
    `performance.getEntriesByName(${JSON.stringify(name)}, 'mark')[0]?.startTime ?? null`;
  const marks = (await page.evaluate(
    `({ arrived: ${at(MARK_PREVIEWS_ARRIVED)}, painted: ${at(MARK_THUMBNAILS_PAINTED)} })`,
  )) as { arrived: number | null; painted: number | null };
  if (marks.arrived === null || marks.painted === null) {
    return unmeasured('firstThumbnailsMs', `The UI set no mark "${MARK_PREVIEWS_ARRIVED}".`);
  }
  return measured('firstThumbnailsMs', round(marks.painted - marks.arrived, 1), {
    dataArrivedAtMs: round(marks.arrived, 1),
    paintedAtMs: round(marks.painted, 1),
    images: IMAGES,
    imageSize: `${WIDTH}x${HEIGHT} PNG`,
    viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
  });
}

/**
 * Browser mode in Chromium, a detection file of 50 images in Azurite: the time from the check's
 * sampled images reaching the page to 24 thumbnails painted (read by main with the dataset's
 * SAS, handed over as bytes, decoded); two marks the UI sets.
 */
export async function measureFirstThumbnails(): Promise<Figure> {
  if (!existsSync(join(RENDERER_OUT, 'index.html'))) {
    return unmeasured(
      'firstThumbnailsMs',
      'The renderer is not built (out/renderer/index.html is missing).',
    );
  }
  const executablePath = findChromium();
  if (!executablePath) return unmeasured('firstThumbnailsMs', 'No Chromium found.');
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-thumbs-'));
  let azurite: RunningAzurite | undefined;
  let app: WebApp | undefined;
  let browser: Browser | undefined;
  try {
    azurite = await startAzurite({ memoryLimitMB: 256 });
    const { uri, sasToken } = await prepareStorage(azurite);
    await registerDataset(dataDir, uri, sasToken);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    app = await startWebApp(dataDir);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const figure = await measureInPage(page, app);
    figure.details['chromium'] = browser.version();
    return figure;
  } finally {
    await browser?.close();
    await app?.stop();
    await azurite?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
