import { expect, test } from './support/fixtures';
import { fetchDataset, listNames, readDataset } from './support/emulator-http';
import {
  button,
  datasetRow,
  datasetRows,
  dialog,
  nameBox,
  openDataset,
  propertyName,
  propertyValue,
  savedStatus,
  uriBox,
  useEmulatorConnection,
} from './support/ui';

test('registers a new dataset, which then opens like any other', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await button(page, 'New dataset').click();
  await expect(page.getByRole('heading', { name: 'New dataset' })).toBeVisible();
  await expect(nameBox(page)).toBeEditable();

  await nameBox(page).fill('street-signs');
  await page.getByRole('combobox', { name: 'Annotation kind' }).selectOption({
    label: 'Image object detection',
  });
  await uriBox(page, 1).fill('https://contosoroads.blob.core.windows.net/signs/coco/train.json');
  await button(page, 'Add URI').click();
  await uriBox(page, 2).fill('https://contosoroads.blob.core.windows.net/signs/coco/val.json');
  await page.getByRole('radio', { name: 'Managed identity' }).click();
  await button(page, 'Add property').click();
  await propertyName(page, 1).fill('city');
  await propertyValue(page, 1).fill('Lisbon');
  await button(page, 'Save').click();

  await expect(page.getByRole('heading', { name: 'street-signs' })).toBeVisible();
  await expect(savedStatus(page)).toHaveText('Saved');
  await expect(nameBox(page)).not.toBeEditable();
  await expect(datasetRow(page, 'street-signs')).toHaveAttribute('aria-selected', 'true');
  await expect(datasetRows(page)).toHaveCount(7);

  const saved = await readDataset(emulator, 'street-signs');
  expect(saved).toMatchObject({
    name: 'street-signs',
    annotationKind: 'imageObjectDetection',
    annotationFileUris: [
      'https://contosoroads.blob.core.windows.net/signs/coco/train.json',
      'https://contosoroads.blob.core.windows.net/signs/coco/val.json',
    ],
    authentication: { kind: 'managedIdentity' },
    customProperties: { city: 'Lisbon' },
  });
  await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(saved.eTag);
});

test('a taken name (409) is explained next to the name, and nothing is overwritten', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'invoice-logos');
  await button(page, 'New dataset').click();
  await nameBox(page).fill('invoice-logos');
  await uriBox(page, 1).fill('https://contosofinance.blob.core.windows.net/other/coco.json');
  await button(page, 'Save').click();

  await expect(
    page.getByText('A dataset with this name already exists in E2E emulator.'),
  ).toBeVisible();
  await expect(nameBox(page)).toBeFocused();
  await expect(nameBox(page)).toHaveAttribute('aria-invalid', 'true');
  expect(await readDataset(emulator, 'invoice-logos')).toEqual(before);

  // A new name clears the message and registers.
  await nameBox(page).fill('invoice-logos-2');
  await expect(page.getByText('A dataset with this name already exists')).toBeHidden();
  await button(page, 'Save').click();
  await expect(page.getByRole('heading', { name: 'invoice-logos-2' })).toBeVisible();
  expect((await fetchDataset(emulator, 'invoice-logos-2')).status).toBe(200);
});

test('a bad name is refused before anything is sent', async ({ page, app, emulator }) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await listNames(emulator);
  await button(page, 'New dataset').click();
  await nameBox(page).fill('my dataset!');
  await uriBox(page, 1).fill('https://contoso.blob.core.windows.net/c/coco.json');
  await expect(
    page.getByText(
      'Name must start with a letter or digit and hold only letters, digits, ".", "_" and "-".',
    ),
  ).toBeVisible();
  await expect(button(page, 'Save')).toBeDisabled();
  await page.keyboard.press('Control+s');
  await expect(datasetRows(page)).toHaveCount(6);
  expect(await listNames(emulator)).toEqual(before);
});

test('deletes a dataset after confirming; the service then answers 404', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');

  await button(page, 'Delete dataset').click();
  const confirm = dialog(page, 'Delete dataset?');
  await expect(confirm).toContainText('wildlife-camera-traps');
  await button(confirm, 'Cancel').click();
  await expect(confirm).toBeHidden();
  expect((await fetchDataset(emulator, 'wildlife-camera-traps')).status).toBe(200);

  await button(page, 'Delete dataset').click();
  await button(confirm, 'Delete').click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toHaveText(
    '“wildlife-camera-traps” was deleted.',
  );
  await expect(datasetRow(page, 'wildlife-camera-traps')).toHaveCount(0);
  await expect(datasetRows(page)).toHaveCount(5);
  expect((await fetchDataset(emulator, 'wildlife-camera-traps')).status).toBe(404);
  await expect(savedStatus(page)).toHaveCount(0);
});
