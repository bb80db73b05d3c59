import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { clearFaults, patchDataset, readDataset, setFaults } from './support/emulator-http';
import {
  button,
  connection,
  datasetRow,
  dialog,
  nameBox,
  openDataset,
  propertyName,
  propertyValue,
  sasTokenBox,
  savedStatus,
  unsavedBadge,
  uriBox,
  uriBoxes,
  useEmulatorConnection,
} from './support/ui';

const NEW_TOKEN = 'sv=2024-05-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=e2eSignature%3D';

function kindSelect(page: Page) {
  return page.getByRole('combobox', { name: 'Annotation kind' });
}

test('edits every kind of field, saves, and the service holds exactly that', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'flowers-classification');
  await expect(nameBox(page)).not.toBeEditable();
  await expect(kindSelect(page)).toHaveValue('imageClassification');
  await expect(button(page, 'Save')).toBeDisabled();

  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await expect(unsavedBadge(page)).toBeVisible();

  // URIs: add a third, then remove the first.
  await button(page, 'Add URI').click();
  await expect(uriBox(page, 3)).toBeFocused();
  await uriBox(page, 3).fill(
    'https://contosovisiondata.blob.core.windows.net/flowers/coco/test.json',
  );
  await button(page, 'Remove URI 1').click();
  await expect(uriBoxes(page)).toHaveCount(2);
  await expect(uriBox(page, 1)).toHaveValue(
    'https://contosovisiondata.blob.core.windows.net/flowers/coco/validation.json',
  );

  // Managed identity -> SAS token: a token is required, masked, and can be shown.
  const auth = page.getByRole('radiogroup', { name: 'Storage authentication' });
  await expect(auth.getByRole('radio', { name: 'Managed identity' })).toBeChecked();
  await expect(sasTokenBox(page)).toHaveCount(0);
  await auth.getByRole('radio', { name: 'SAS token' }).click();
  await expect(sasTokenBox(page)).toHaveAttribute('type', 'password');
  await expect(page.getByText('Enter the SAS token.')).toBeVisible();
  await expect(button(page, 'Save')).toBeDisabled();
  await sasTokenBox(page).fill(NEW_TOKEN);
  await button(page, 'Show token').click();
  await expect(sasTokenBox(page)).toHaveAttribute('type', 'text');

  // Properties: change one, remove one, add one.
  await expect(propertyName(page, 1)).toHaveValue('team');
  await propertyValue(page, 1).fill('horticulture');
  await button(page, 'Remove property 2').click();
  await button(page, 'Add property').click();
  await propertyName(page, 2).fill('season');
  await propertyValue(page, 2).fill('spring');

  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');
  await expect(unsavedBadge(page)).toBeHidden();
  await expect(button(page, 'Save')).toBeDisabled();

  const saved = await readDataset(emulator, 'flowers-classification');
  expect(saved.annotationKind).toBe('imageObjectDetection');
  expect(saved.annotationFileUris).toEqual([
    'https://contosovisiondata.blob.core.windows.net/flowers/coco/validation.json',
    'https://contosovisiondata.blob.core.windows.net/flowers/coco/test.json',
  ]);
  expect(saved.authentication).toEqual({ kind: 'sas', sasToken: NEW_TOKEN });
  expect(saved.customProperties).toEqual({ team: 'horticulture', season: 'spring' });

  // The editor now shows the saved version; the token itself never comes back to the page.
  await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(saved.eTag);
  await expect(sasTokenBox(page)).toHaveValue('');
  await expect(page.getByText('A token is saved; type a new one to replace it.')).toBeVisible();
  const row = datasetRow(page, 'flowers-classification');
  await expect(row).toContainText('Object detection');
  await expect(row).toContainText('2 URIs');
});

test('Ctrl+S saves, and only what changed is sent', async ({ page, app, emulator }) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'retail-shelf-products');
  await openDataset(page, 'retail-shelf-products');
  await propertyValue(page, 2).fill('vendor-c');
  await page.keyboard.press('Control+s');
  await expect(savedStatus(page)).toHaveText('Saved');

  const after = await readDataset(emulator, 'retail-shelf-products');
  expect(after.eTag).not.toBe(before.eTag);
  expect(after.customProperties).toEqual({ ...before.customProperties, labeler: 'vendor-c' });
  // The saved SAS token was never sent back, so it is still the original one.
  expect(after.authentication).toEqual(before.authentication);
  expect(after.annotationFileUris).toEqual(before.annotationFileUris);
});

test('invalid input says what to fix and nothing is sent', async ({ page, app, emulator }) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'pcb-defect-detection');
  await openDataset(page, 'pcb-defect-detection');

  await uriBox(page, 1).fill('coco/defects-train.json');
  await expect(
    page.getByText('A URI must be an absolute https address, such as https://', { exact: false }),
  ).toBeVisible();
  await expect(button(page, 'Save')).toBeDisabled();
  await expect(page.getByText('Fix the marked fields to save')).toBeVisible();

  // Up to ten URIs; the button then says why there is no eleventh.
  for (let n = 4; n <= 10; n += 1) {
    await button(page, 'Add URI').click();
    await uriBox(page, n).fill(`https://northwindqa.blob.core.windows.net/pcb/${n}.json`);
  }
  await expect(uriBoxes(page)).toHaveCount(10);
  await expect(button(page, 'Add URI')).toBeDisabled();
  await expect(page.getByText('A dataset holds at most 10 annotation files')).toBeVisible();
  await expect(uriBox(page, 11)).toHaveCount(0);

  await button(page, 'Add property').click();
  await propertyValue(page, 1).fill('no name');
  await expect(page.getByText('A property name cannot be empty.')).toBeVisible();
  await button(page, 'Add property').click();
  await propertyName(page, 1).fill('line');
  await propertyName(page, 2).fill('line');
  await expect(
    page.getByText('Property names must be unique: "line" is already property 1.'),
  ).toBeVisible();

  // Neither the button nor the shortcut sends an invalid dataset.
  await page.keyboard.press('Control+s');
  await expect(unsavedBadge(page)).toBeVisible();
  const after = await readDataset(emulator, 'pcb-defect-detection');
  expect(after.eTag).toBe(before.eTag);
  expect(after).toEqual(before);
});

test('Reload asks first when there are edits, then shows the current version', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await propertyValue(page, 1).fill('olympics');
  await patchDataset(emulator, 'wildlife-camera-traps', {
    customProperties: { region: 'rockies', license: 'CC-BY-4.0' },
  });

  await button(page, 'Reload').click();
  const ask = dialog(page, 'Reload and discard your changes?');
  await button(ask, 'Keep editing').click();
  await expect(ask).toBeHidden();
  await expect(propertyValue(page, 1)).toHaveValue('olympics');
  await expect(unsavedBadge(page)).toBeVisible();

  await button(page, 'Reload').click();
  await button(ask, 'Discard and reload').click();
  await expect(propertyValue(page, 1)).toHaveValue('rockies');
  await expect(unsavedBadge(page)).toBeHidden();

  // Without edits there is nothing to lose, so nothing to ask.
  await button(page, 'Reload').click();
  await expect(ask).toBeHidden();
});

test('leaving a dataset or a connection with unsaved edits asks first', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'invoice-logos');
  await uriBox(page, 1).fill(
    'https://contosofinance.blob.core.windows.net/documents/logos/v2.json',
  );

  await datasetRow(page, 'xray-hand-fractures').click();
  const ask = dialog(page, 'Discard unsaved changes?');
  await expect(ask).toContainText('invoice-logos');
  await button(ask, 'Keep editing').click();
  await expect(nameBox(page)).toHaveValue('invoice-logos');
  await expect(uriBox(page, 1)).toHaveValue(
    'https://contosofinance.blob.core.windows.net/documents/logos/v2.json',
  );

  await connection(page, 'Local emulator').click();
  await button(ask, 'Keep editing').click();
  await expect(connection(page, 'E2E emulator')).toHaveAttribute('aria-selected', 'true');

  await datasetRow(page, 'xray-hand-fractures').click();
  await button(ask, 'Discard').click();
  await expect(nameBox(page)).toHaveValue('xray-hand-fractures');
  // Discarded means not sent.
  const untouched = await readDataset(emulator, 'invoice-logos');
  expect(untouched.annotationFileUris).toEqual([
    'https://contosofinance.blob.core.windows.net/documents/logos/coco/annotations.json',
  ]);
});

test('a save after someone else changed the dataset (412) keeps the edits and overwrites nothing', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'xray-hand-fractures');
  await propertyValue(page, 2).fill('dr-adams');
  await patchDataset(emulator, 'xray-hand-fractures', { annotationKind: 'imageObjectDetection' });

  await button(page, 'Save').click();
  // The conflict dialog offers a merge (e2e/conflict.spec.ts); here the user declines it.
  const conflict = dialog(page, 'Conflict');
  await button(conflict, 'Keep editing').click();
  await expect(conflict).toBeHidden();
  const alert = page.getByRole('alert').filter({ hasText: 'someone else changed this dataset' });
  await expect(alert).toContainText('since you loaded it');
  await expect(propertyValue(page, 2)).toHaveValue('dr-adams');
  await expect(unsavedBadge(page)).toBeVisible();

  const theirs = await readDataset(emulator, 'xray-hand-fractures');
  expect(theirs.annotationKind).toBe('imageObjectDetection');
  expect(theirs.customProperties?.['reviewer']).toBe('dr-okafor');
});

test('when the service cannot be reached, the save fails and every edit stays', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'invoice-logos');
  await kindSelect(page).selectOption({ label: 'Image classification' });
  await button(page, 'Add property').click();
  await propertyName(page, 1).fill('owner');
  await propertyValue(page, 1).fill('finance');

  await setFaults(emulator, { resetNext: 50 });
  await button(page, 'Save').click();
  await expect(button(page, 'Saving…')).toBeDisabled();
  const alert = page.getByRole('alert').filter({ hasText: 'cannot be reached' });
  await expect(alert).toContainText('Your edits are kept');
  await expect(kindSelect(page)).toHaveValue('imageClassification');
  await expect(propertyValue(page, 1)).toHaveValue('finance');

  await clearFaults(emulator);
  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');
  await expect(alert).toBeHidden();
  const saved = await readDataset(emulator, 'invoice-logos');
  expect(saved.annotationKind).toBe('imageClassification');
  expect(saved.customProperties).toEqual({ owner: 'finance' });
});
