import type { Page } from '@playwright/test';
import type { RunningEmulator } from '../emulator/server';
import { sampleCocoFile } from '../emulator/storage/sample-files';
import type { AnnotationKind } from '../shared/contract/dataset';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { putSasDataset, uploadBlob, uploadSamples } from './support/storage';
import type { StorageAccount } from './support/storage';
import type { WebApp } from './support/web-app';
import { button, openDataset, sidewaysOverflow, useEmulatorConnection } from './support/ui';

/*
 * `Images` in the annotation check: the sampled images, read by the app with the dataset's
 * access and handed to the page as bytes, with their boxes or labels, as the service sees them.
 */

/** The sample images, a file of them, and what the page asked for and got along the way. */
async function checkedDataset(
  page: Page,
  app: WebApp,
  emulator: RunningEmulator,
  azurite: StorageAccount,
  kind: AnnotationKind,
  categories: string[],
  change: (file: ReturnType<typeof sampleCocoFile>, containerUrl: string) => void = () => {},
) {
  const container = `images-${kind === 'imageObjectDetection' ? 'detect' : 'classify'}`;
  const containerUrl = await uploadSamples(azurite, container, (blob) =>
    blob.name.startsWith('images/'),
  );
  const file = sampleCocoFile(kind, categories, containerUrl, 'e2e images');
  change(file, containerUrl);
  const uri = await uploadBlob(azurite, container, 'coco/images.json', JSON.stringify(file));
  await putSasDataset(emulator, azurite, container, { kind, container, uris: [uri] });

  const requested: string[] = [];
  const answered: Promise<string>[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      answered.push(response.text().catch(() => ''));
    }
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, container);
  await button(page, 'Check annotation files').click();
  const images = page
    .getByRole('region', { name: 'Annotation check' })
    .getByRole('region', { name: 'Images', exact: true });
  // Thumbnails are read only once they come near the view.
  await images.getByRole('list', { name: 'Sampled images' }).scrollIntoViewIfNeeded();
  return { images, requested, answered };
}

/** The boxes drawn over an image. */
const BOXES = '[data-testid="boxes"] rect';

/** The tile of one image, found by its file name. */
function tile(images: ReturnType<Page['getByRole']>, fileName: string) {
  return images.getByRole('listitem').filter({ hasText: fileName });
}

async function expectNoSignature(page: Page, requested: string[], answered: Promise<string>[]) {
  expect(await page.content()).not.toContain('sig=');
  expect(requested.filter((url) => url.includes('sig='))).toEqual([]);
  const bodies = await Promise.all(answered);
  expect(bodies.length).toBeGreaterThan(0);
  expect(bodies.filter((body) => body.includes('sig='))).toEqual([]);
}

test('object detection: thumbnails with their boxes and names, a filter, enlarged, and why one cannot show', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 880, height: 560 });
  const { images, requested, answered } = await checkedDataset(
    page,
    app,
    emulator,
    azurite,
    'imageObjectDetection',
    ['bottle', 'cereal-box'],
    (file, containerUrl) => {
      const sized = { width: 80, height: 60 };
      file.images.push(
        {
          id: 7,
          ...sized,
          file_name: 'images/not-there.png',
          coco_url: `${containerUrl}/images/not-there.png`,
        },
        // The file's own name, the image of another entry: it has no annotation.
        { id: 8, ...sized, file_name: 'images/unlabelled.png', coco_url: file.images[0]!.coco_url },
      );
      file.annotations.push({ id: 7, image_id: 7, category_id: 1, bbox: [0.1, 0.1, 0.5, 0.5] });
    },
  );

  const redTile = tile(images, 'images/red-on-white.png');
  await redTile.scrollIntoViewIfNeeded();
  const red = images.getByRole('img', { name: 'images/red-on-white.png', exact: true });
  await expect(red).toBeVisible();
  await expect(redTile.locator(BOXES)).toHaveCount(1);
  await expect(redTile.getByText('bottle', { exact: true })).toBeVisible();
  await expect(redTile).toContainText('1 box');
  // The box is where the file puts it: 10% from the left of the image, 40% of its width.
  const [imageBox, rectBox] = await Promise.all([
    red.boundingBox(),
    redTile.locator(BOXES).boundingBox(),
  ]);
  expect(Math.abs(rectBox!.x - (imageBox!.x + 0.1 * imageBox!.width))).toBeLessThan(3);
  expect(Math.abs(rectBox!.width - 0.4 * imageBox!.width)).toBeLessThan(4);
  const blueTile = tile(images, 'images/blue-on-grey.png');
  await blueTile.scrollIntoViewIfNeeded();
  await expect(blueTile.getByText('cereal-box', { exact: true })).toBeVisible();

  const missing = tile(images, 'images/not-there.png');
  await missing.scrollIntoViewIfNeeded();
  await expect(missing).toContainText('Cannot be shown');
  await expect(missing).toContainText('There is no file images/not-there.png');
  await expect(missing.getByRole('img')).toHaveCount(0);

  const unlabelled = tile(images, 'images/unlabelled.png');
  await unlabelled.scrollIntoViewIfNeeded();
  await expect(unlabelled.getByText('No annotations', { exact: true })).toBeVisible();
  await expect(unlabelled.getByRole('img', { name: 'images/unlabelled.png' })).toBeVisible();
  await expect(unlabelled.locator(BOXES)).toHaveCount(0);

  const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await expectNoViolations(page);

  await images.getByRole('combobox', { name: 'Filter by category' }).selectOption('cereal-box');
  await expect(images.getByRole('listitem')).toHaveCount(3);
  await expect(tile(images, 'images/red-on-white.png')).toHaveCount(0);
  await blueTile.scrollIntoViewIfNeeded();
  await expect(images.getByRole('img', { name: 'images/blue-on-grey.png' })).toBeVisible();

  // Click: a large view with the annotations listed; Escape closes it, focus goes back.
  const enlargeBlue = button(images, 'Enlarge images/blue-on-grey.png');
  await enlargeBlue.click();
  const dialog = page.getByRole('dialog', { name: 'images/blue-on-grey.png' });
  await expect(dialog.getByRole('img', { name: 'images/blue-on-grey.png' })).toBeVisible();
  await expect(dialog.locator(BOXES)).toHaveCount(1);
  await expect(dialog.getByRole('list', { name: 'Annotations' })).toContainText('cereal-box');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(enlargeBlue).toBeFocused();

  // Keyboard: Tab to the next tile, Enter opens it.
  await page.keyboard.press('Tab');
  await expect(button(images, 'Enlarge images/orange-on-navy.png')).toBeFocused();
  await page.keyboard.press('Enter');
  const orange = page.getByRole('dialog', { name: 'images/orange-on-navy.png' });
  await expect(orange.getByRole('img', { name: 'images/orange-on-navy.png' })).toBeVisible();
  await button(orange, 'Close').click();
  await expect(orange).toHaveCount(0);

  await images.getByRole('combobox', { name: 'Filter by category' }).selectOption('All categories');
  await expect(images.getByRole('listitem')).toHaveCount(8);
  await expectNoSignature(page, requested, answered);
});

test('classification: the label under each image', async ({ page, app, emulator, azurite }) => {
  test.setTimeout(120_000);
  const { images, requested, answered } = await checkedDataset(
    page,
    app,
    emulator,
    azurite,
    'imageClassification',
    ['daisy', 'rose'],
  );
  await tile(images, 'images/red-on-white.png').scrollIntoViewIfNeeded();
  await expect(images.getByRole('img', { name: 'images/red-on-white.png' })).toBeVisible();
  await expect(tile(images, 'images/red-on-white.png')).toContainText('daisy');
  await expect(tile(images, 'images/blue-on-grey.png')).toContainText('rose');
  await expect(images.locator(BOXES)).toHaveCount(0);
  await expect(images.getByText('No annotations')).toHaveCount(0);
  await expectNoSignature(page, requested, answered);
});
