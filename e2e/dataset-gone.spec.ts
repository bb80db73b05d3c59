import type { Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { deleteDataset, fetchDataset } from './support/emulator-http';
import { button, datasetRow, dialog, openDataset, useEmulatorConnection } from './support/ui';

/*
 * A colleague deletes a dataset over the service's HTTP while the app shows it. As soon as
 * the app meets the 404, whatever the user did to meet it, the row and the count leave the
 * Datasets list, without a click on Refresh. The seeded emulator holds six datasets.
 */

function datasetCount(page: Page, text: string) {
  return page.getByText(text, { exact: true });
}

function kindSelect(page: Page) {
  return page.getByRole('combobox', { name: 'Annotation kind' });
}

test('a save that finds the dataset deleted takes its row out of the list', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await expect(datasetCount(page, '6 datasets')).toBeVisible();
  await openDataset(page, 'flowers-classification');
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await deleteDataset(emulator, 'flowers-classification');

  await button(page, 'Save').click();
  const gone = dialog(page, 'was deleted');
  await expect(gone).toBeVisible();
  await expect(datasetRow(page, 'flowers-classification')).toHaveCount(0);
  await expect(datasetCount(page, '5 datasets')).toBeVisible();
  await expectNoViolations(page);

  // Keep editing keeps the edits, and the list stays as the service is.
  await button(gone, 'Keep editing').click();
  await expect(kindSelect(page)).toHaveValue('imageObjectDetection');
  await expect(datasetRow(page, 'flowers-classification')).toHaveCount(0);
  await expect(datasetCount(page, '5 datasets')).toBeVisible();
});

test('Reload that finds the dataset deleted takes its row out of the list', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'invoice-logos');
  await expect(datasetCount(page, '6 datasets')).toBeVisible();
  await deleteDataset(emulator, 'invoice-logos');

  await button(page, 'Reload').click();
  await expect(datasetRow(page, 'invoice-logos')).toHaveCount(0);
  await expect(datasetCount(page, '5 datasets')).toBeVisible();
  await expect(datasetRow(page, 'flowers-classification')).toBeVisible();
});

test('opening a dataset that was deleted meanwhile takes its row out of the list', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await expect(datasetCount(page, '6 datasets')).toBeVisible();
  await deleteDataset(emulator, 'wildlife-camera-traps');

  await datasetRow(page, 'wildlife-camera-traps').click();
  await expect(datasetRow(page, 'wildlife-camera-traps')).toHaveCount(0);
  await expect(datasetCount(page, '5 datasets')).toBeVisible();
});

test('deleting a dataset someone else deleted first counts as done', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'invoice-logos');
  await deleteDataset(emulator, 'invoice-logos');

  await button(page, 'Delete dataset').click();
  const confirm = dialog(page, 'Delete dataset?');
  await button(confirm, 'Delete').click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toHaveText(
    '“invoice-logos” was deleted.',
  );
  await expect(datasetRow(page, 'invoice-logos')).toHaveCount(0);
  await expect(datasetCount(page, '5 datasets')).toBeVisible();
  expect((await fetchDataset(emulator, 'invoice-logos')).status).toBe(404);
});
