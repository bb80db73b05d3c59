import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { BROKEN_FILE, sampleBlobs } from '../emulator/storage/sample-files';
import { expectNoViolations } from './support/axe';
import type { RunningEmulator } from '../emulator/server';
import { expect, test } from './support/fixtures';
import { containerOf, putSasDataset, uploadBlob, uploadSamples } from './support/storage';
import type { SasKind, StorageAccount } from './support/storage';
import {
  button,
  dialog,
  openDataset,
  sidewaysOverflow,
  unsavedBadge,
  uriBox,
  useEmulatorConnection,
} from './support/ui';

/*
 * `Create fixed copy`: a checked file's pixel boxes and 0-based ids mended in a copy, shown
 * before anything is written, then uploaded beside the original (never over it) or saved to
 * disk; the copy's URI goes into the form only when asked.
 */

const BROKEN_NAME = 'pixel-boxes-zero-based-ids.json';
const FIXED_NAME = 'pixel-boxes-zero-based-ids.fixed.json';

async function openBrokenDataset(
  page: Page,
  app: Parameters<typeof useEmulatorConnection>[1],
  emulator: RunningEmulator,
  azurite: StorageAccount,
  name: string,
  token: SasKind,
) {
  const containerUrl = await uploadSamples(azurite, name);
  const original = sampleBlobs(containerUrl).find((blob) => blob.name === BROKEN_FILE)!.body;
  await putSasDataset(emulator, azurite, name, {
    kind: 'imageObjectDetection',
    container: name,
    uris: [`${containerUrl}/${BROKEN_FILE}`],
    token,
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, name);
  await button(page, 'Check annotation files').click();
  const result = page
    .getByRole('region', { name: 'Annotation check' })
    .getByRole('article', { name: BROKEN_NAME });
  await expect(result.getByText('annotations[0].bbox', { exact: true })).toBeVisible();
  return { containerUrl, original, result };
}

test('a fixed copy uploaded beside the original, then put in the form, checks clean', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 880, height: 560 });
  const name = 'fix-upload';
  const { containerUrl, original, result } = await openBrokenDataset(
    page,
    app,
    emulator,
    azurite,
    name,
    'read+write',
  );

  const create = button(result, 'Create fixed copy');
  await create.click();
  const fix = dialog(page, `Create fixed copy of ${BROKEN_NAME}`);
  const fixed = fix.getByRole('list', { name: 'Fixed' });
  await expect(fixed).toContainText('Boxes in pixels made relative to the image: 6');
  await expect(fixed).toContainText('Image ids renumbered 1..N: 6, 6 references updated');
  await expect(fixed).toContainText('Annotation ids renumbered 1..N: 6');
  await expect(fixed).toContainText('Category ids renumbered 1..N: 1, 6 references updated');
  await expect(fixed.getByText('annotations[0].bbox', { exact: true })).toBeVisible();
  await expect(fixed.getByText('images[0].id', { exact: true })).toBeVisible();
  const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await expectNoViolations(page);

  await button(fix, `Upload as ${FIXED_NAME}`).click();
  const fixedUri = `${containerUrl}/broken/${FIXED_NAME}`;
  await expect(fix).toContainText(`Uploaded as ${FIXED_NAME}`);
  await expect(fix).toContainText(fixedUri);

  const blobs = await containerOf(azurite, name);
  const copy = JSON.parse(
    (await blobs.getBlockBlobClient(`broken/${FIXED_NAME}`).downloadToBuffer()).toString(),
  );
  expect(copy.images[0].id).toBe(1);
  expect(copy.annotations[0].bbox.every((n: number) => n >= 0 && n <= 1)).toBe(true);
  expect(await blobs.getBlockBlobClient(BROKEN_FILE).downloadToBuffer()).toEqual(original);

  const use = button(fix, 'Use this URI in the form');
  await expect(use).toBeFocused();
  await use.click();
  await expect(fix).toContainText('Save the dataset to keep it.');
  await page.keyboard.press('Escape');
  await expect(fix).toHaveCount(0);
  await expect(create).toBeFocused();
  await expect(uriBox(page, 1)).toHaveValue(fixedUri);
  await expect(unsavedBadge(page)).toBeVisible();

  await button(page, 'Check annotation files').click();
  const again = page
    .getByRole('region', { name: 'Annotation check' })
    .getByRole('article', { name: FIXED_NAME });
  await expect(again.getByText('Checked', { exact: true })).toBeVisible();
  await expect(again).not.toContainText('looks like pixels');
  await expect(again).not.toContainText('renumber');
  await expect(button(again, 'Create fixed copy')).toHaveCount(0);
});

test('with a read-only SAS: upload is refused with the reason, and Save to disk gives the fixed file', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  const name = 'fix-read-only';
  const { original, result } = await openBrokenDataset(
    page,
    app,
    emulator,
    azurite,
    name,
    'read-only',
  );

  const create = button(result, 'Create fixed copy');
  await create.click();
  const fix = dialog(page, `Create fixed copy of ${BROKEN_NAME}`);
  const upload = button(fix, `Upload as ${FIXED_NAME}`);
  await expect(upload).toBeDisabled();
  await expect(fix).toContainText('The SAS token cannot write to container fix-read-only');
  await expect(upload).toHaveAccessibleDescription(/Create \(c\) or Write \(w\)/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    button(fix, 'Save to disk').click(),
  ]);
  expect(download.suggestedFilename()).toBe(FIXED_NAME);
  const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(saved.images.map((i: { id: number }) => i.id)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(saved.categories).toEqual([{ id: 1, name: 'object' }]);
  for (const annotation of saved.annotations) {
    expect(annotation.bbox.every((n: number) => n >= 0 && n <= 1)).toBe(true);
  }
  await expectNoViolations(page);

  await page.keyboard.press('Escape');
  await expect(create).toBeFocused();
  const blobs = await containerOf(azurite, name);
  expect(await blobs.getBlockBlobClient(`broken/${FIXED_NAME}`).exists()).toBe(false);
  expect(await blobs.getBlockBlobClient(BROKEN_FILE).downloadToBuffer()).toEqual(original);
});

test('coco_url built from a base URL: prefilled with the file’s folder, checked as typed', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  const name = 'fix-coco-url';
  const containerUrl = `${azurite.blobEndpoint}/${name}`;
  const file = {
    images: [
      { id: 1, width: 80, height: 60, file_name: 'red square.png' },
      { id: 2, width: 80, height: 60, file_name: 'blue.png', coco_url: 'blue.png' },
    ],
    annotations: [
      { id: 1, image_id: 1, category_id: 1, bbox: [0.1, 0.1, 0.5, 0.5] },
      { id: 2, image_id: 2, category_id: 1, bbox: [0.1, 0.1, 0.5, 0.5] },
    ],
    categories: [{ id: 1, name: 'square' }],
  };
  const uri = await uploadBlob(azurite, name, 'coco/no-urls.json', JSON.stringify(file));
  await putSasDataset(emulator, azurite, name, {
    kind: 'imageObjectDetection',
    container: name,
    uris: [uri],
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, name);
  await button(page, 'Check annotation files').click();
  const result = page
    .getByRole('region', { name: 'Annotation check' })
    .getByRole('article', { name: 'no-urls.json' });
  await button(result, 'Create fixed copy').click();

  const fix = dialog(page, 'Create fixed copy of no-urls.json');
  const base = fix.getByRole('textbox', { name: 'Base URL for coco_url' });
  await expect(base).toHaveValue(`${containerUrl}/coco/`);
  await expect(fix.getByRole('list', { name: 'Fixed' })).toContainText(
    `images[0].coco_url missing → "${containerUrl}/coco/red%20square.png"`,
  );

  await base.fill(`${containerUrl}/images?sv=2024&sig=x`);
  await expect(fix).toContainText('Remove the query string');
  await expect(button(fix, 'Prepare again')).toBeDisabled();

  await base.fill(`${containerUrl}/images`);
  await button(fix, 'Prepare again').click();
  const fixed = fix.getByRole('list', { name: 'Fixed' });
  await expect(fixed).toContainText('coco_url built from the base URL and file_name: 2');
  await expect(fixed).toContainText(`"${containerUrl}/images/red%20square.png"`);
  await expect(fixed).toContainText(`"blue.png" → "${containerUrl}/images/blue.png"`);
  await expectNoViolations(page);
});
