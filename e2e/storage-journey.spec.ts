import { sampleCocoFile } from '../emulator/storage/sample-files';
import { readDataset } from './support/emulator-http';
import { expect, test } from './support/fixtures';
import { containerSas, uploadBlob, uploadSamples } from './support/storage';
import { button, dialog, nameBox, sasTokenBox, uriBox, useEmulatorConnection } from './support/ui';

/*
 * The whole way a new user takes with files in Blob Storage: a new dataset, its files picked
 * from the container, checked before anything is saved, then registered with the service.
 */

test('register a dataset over files in Blob Storage: browse, pick, check, read the report, save', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  const container = 'journey';
  const containerUrl = await uploadSamples(azurite, container);
  const file = await uploadBlob(
    azurite,
    container,
    'labels/shelves.json',
    JSON.stringify(sampleCocoFile('imageObjectDetection', ['bottle'], containerUrl, 'journey')),
  );
  const token = containerSas(azurite, container, 'read+list');
  await useEmulatorConnection(page, app, emulator);

  await button(page, 'New dataset').click();
  await nameBox(page).fill('shelf-journey');
  await page
    .getByRole('combobox', { name: 'Annotation kind' })
    .selectOption({ label: 'Image object detection' });
  await page
    .getByRole('radiogroup', { name: 'Storage authentication' })
    .getByRole('radio', { name: 'SAS token' })
    .click();
  await sasTokenBox(page).fill(token);

  // No URI yet: the container's address is typed in the dialog.
  await button(page, 'Browse files').click();
  const browse = dialog(page, 'Browse files');
  await browse.getByRole('textbox', { name: 'Container or file address' }).fill(containerUrl);
  await button(browse, 'List files').click();
  await button(browse, 'labels/').click();
  await browse.getByRole('checkbox', { name: 'labels/shelves.json' }).check();
  await button(browse, 'Add selected').click();
  await expect(browse).toBeHidden();
  await expect(uriBox(page, 1)).toHaveValue(file);

  await button(page, 'Check annotation files').click();
  const report = page.getByRole('region', { name: 'Annotation check' });
  await expect(report.getByRole('heading', { name: 'shelves.json' })).toBeVisible();
  await expect(report.getByText('No problems found', { exact: true })).toBeVisible();
  await expect(report.getByText('6 images', { exact: true })).toBeVisible();
  // The token typed in the form was used; what main sent back carries no part of it.
  const signature = new URLSearchParams(token).get('sig')!;
  const shown = await report.innerHTML();
  expect(shown).not.toContain(signature);
  expect(shown).not.toContain(encodeURIComponent(signature));

  await button(page, 'Save').click();
  await expect(page.getByRole('heading', { name: 'shelf-journey' })).toBeVisible();
  const saved = await readDataset(emulator, 'shelf-journey');
  expect(saved.annotationKind).toBe('imageObjectDetection');
  expect(saved.annotationFileUris).toEqual([file]);
  expect(saved.authentication).toEqual({ kind: 'sas', sasToken: token });
});
