import type { Page } from '@playwright/test';
import { BROKEN_FILE, sampleCocoFile } from '../emulator/storage/sample-files';
import { expectNoViolations } from './support/axe';
import { putDataset } from './support/emulator-http';
import { expect, test } from './support/fixtures';
import { containerSas, putSasDataset, uploadBlob, uploadSamples } from './support/storage';
import {
  button,
  openDataset,
  sasTokenBox,
  sidewaysOverflow,
  useEmulatorConnection,
} from './support/ui';

/*
 * `Check annotation files` reads the form's files from real Blob Storage (Azurite) with the
 * dataset's access and reports what Azure's rules would find, in the file's own terms.
 */

function report(page: Page) {
  return page.getByRole('region', { name: 'Annotation check' });
}

test('a valid file: its statistics and no problems, at 880 x 560 too', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 880, height: 560 });
  const container = 'check-valid';
  const containerUrl = await uploadSamples(azurite, container);
  const valid = await uploadBlob(
    azurite,
    container,
    'coco/valid.json',
    JSON.stringify(sampleCocoFile('imageObjectDetection', ['bottle'], containerUrl, 'e2e')),
  );
  await putSasDataset(emulator, azurite, 'check-valid', {
    kind: 'imageObjectDetection',
    container,
    uris: [valid],
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'check-valid');

  await button(page, 'Check annotation files').click();
  const region = report(page);
  await expect(region.getByRole('heading', { name: 'valid.json' })).toBeVisible();
  await expect(region.getByText('No problems found', { exact: true })).toBeVisible();
  await expect(region.getByText('6 images', { exact: true })).toBeVisible();
  await expect(region.getByText('6 annotations', { exact: true })).toBeVisible();
  await expect(region.getByText('1 category', { exact: true })).toBeVisible();
  await expect(button(region, 'Cancel check')).toHaveCount(0);

  const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await expectNoViolations(page);
});

test('pixel boxes, 0-based ids and a missing image: where, and what to fix', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  const container = 'check-broken';
  const containerUrl = await uploadSamples(azurite, container);
  const broken = `${containerUrl}/${BROKEN_FILE}`;
  const withMissing = sampleCocoFile('imageObjectDetection', ['bottle'], containerUrl, 'e2e');
  withMissing.images = withMissing.images.map((image, index) =>
    index === 1 ? { ...image, coco_url: `${containerUrl}/images/not-there.png` } : image,
  );
  const missing = await uploadBlob(
    azurite,
    container,
    'coco/missing-image.json',
    JSON.stringify(withMissing),
  );
  await putSasDataset(emulator, azurite, 'check-broken', {
    kind: 'imageObjectDetection',
    container,
    uris: [broken, missing],
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'check-broken');

  await button(page, 'Check annotation files').click();
  const region = report(page);
  await expect(region.getByRole('status')).toHaveText(
    'Checked 2 files for training: 2 files with errors.',
  );
  const brokenResult = region.getByRole('article', { name: 'pixel-boxes-zero-based-ids.json' });
  await expect(brokenResult.getByText('annotations[0].bbox', { exact: true })).toBeVisible();
  await expect(brokenResult).toContainText('looks like pixels: divide left and width');
  await expect(brokenResult.getByText('images[0].id', { exact: true })).toBeVisible();
  await expect(brokenResult).toContainText('renumber');
  await expect(brokenResult.getByText('No problems found')).toHaveCount(0);

  const missingResult = region.getByRole('article', { name: 'missing-image.json' });
  const unreachable = missingResult.getByRole('list', { name: 'Unreachable images' });
  await expect(unreachable.getByText('images[1]', { exact: true })).toBeVisible();
  await expect(unreachable).toContainText('images/blue-on-grey.png');
  await expect(missingResult.getByText('No problems found')).toHaveCount(0);
  await expectNoViolations(page);

  // Changing the files keeps the report, marked as outdated.
  await button(page, 'Remove URI 2').click();
  await expect(region).toContainText('changed since this check');
  await expect(brokenResult).toBeVisible();
});

test('an expired SAS token typed in the form: the check says so', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  const container = 'check-expired';
  const containerUrl = await uploadSamples(azurite, container);
  await putSasDataset(emulator, azurite, 'check-expired', {
    kind: 'imageObjectDetection',
    container,
    uris: [`${containerUrl}/${BROKEN_FILE}`],
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'check-expired');
  await sasTokenBox(page).fill(containerSas(azurite, container, 'expired'));

  await button(page, 'Check annotation files').click();
  await expect(report(page)).toContainText('The SAS token expired');
});

test('Cancel check ends a long check and keeps what it found so far', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  const container = 'check-big';
  const containerUrl = `${azurite.blobEndpoint}/${container}`;
  // Many images, none there: reading every one takes a while.
  const count = 40_000;
  const big = {
    images: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      width: 640,
      height: 480,
      file_name: `img-${i + 1}.png`,
      coco_url: `${containerUrl}/images/img-${i + 1}.png`,
    })),
    annotations: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      image_id: i + 1,
      category_id: 1,
      bbox: [0.1, 0.1, 0.5, 0.5],
    })),
    categories: [{ id: 1, name: 'object' }],
  };
  const uri = await uploadBlob(azurite, container, 'big.json', JSON.stringify(big));
  await putSasDataset(emulator, azurite, 'check-big', {
    kind: 'imageObjectDetection',
    container,
    uris: [uri],
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'check-big');

  await page.getByRole('checkbox', { name: 'Check every image' }).check();
  await button(page, 'Check annotation files').click();
  const region = report(page);
  await expect(region.getByRole('progressbar')).toBeVisible();
  await button(region, 'Cancel check').click();
  await expect(region.getByRole('status')).toHaveText(
    'Check cancelled: the results so far are shown.',
  );
  await expect(region.getByRole('progressbar')).toHaveCount(0);
  await expect(region.getByRole('heading', { name: 'big.json' })).toBeVisible();
});

test('a managed identity: the check asks for a read SAS for itself, then reads with it', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  const container = 'check-managed';
  const containerUrl = await uploadSamples(azurite, container);
  const valid = await uploadBlob(
    azurite,
    container,
    'valid.json',
    JSON.stringify(sampleCocoFile('imageObjectDetection', ['bottle'], containerUrl, 'e2e')),
  );
  await putDataset(emulator, 'check-managed', {
    annotationKind: 'imageObjectDetection',
    annotationFileUris: [valid],
    authentication: { kind: 'managedIdentity' },
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'check-managed');

  await button(page, 'Check annotation files').click();
  const region = report(page);
  await expect(region).toContainText('managed identity');
  await expect(region.getByText('No problems found')).toHaveCount(0);

  await page
    .getByLabel('Read SAS for this check')
    .fill(containerSas(azurite, container, 'read-only'));
  await button(page, 'Check annotation files').click();
  await expect(region.getByText('No problems found', { exact: true })).toBeVisible();
  // Typed for the check only: the form has nothing to save.
  await expect(button(page, 'Save')).toBeDisabled();
});
