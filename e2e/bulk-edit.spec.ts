import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import {
  deleteDataset,
  fetchDataset,
  patchDataset,
  putDataset,
  readDataset,
} from './support/emulator-http';
import {
  button,
  datasetGrid,
  dialog,
  nameBox,
  openDataset,
  propertyValue,
  sidewaysOverflow,
  uriBox,
  useEmulatorConnection,
} from './support/ui';

/*
 * Edit selected: five datasets picked with a click, a Shift-click and Ctrl+A get a property;
 * meanwhile a colleague changes one (another property: merged and saved) and deletes another
 * (failed, with the reason); `Retry failed` runs only that one again.
 */

const NAMES = ['bulk-1', 'bulk-2', 'bulk-3', 'bulk-4', 'bulk-5'];

function selectBox(page: Page, name: string): Locator {
  return page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
}

function resultRow(scope: Locator, name: string): Locator {
  return scope
    .getByRole('row')
    .filter({ has: scope.page().getByRole('cell', { name, exact: true }) });
}

test('five datasets get a property; one merged with a colleague, one deleted meanwhile, retried', async ({
  page,
  app,
  emulator,
}) => {
  await page.setViewportSize({ width: 880, height: 560 });
  for (const name of NAMES) {
    await putDataset(emulator, name, {
      annotationKind: 'imageClassification',
      annotationFileUris: [`https://contoso.blob.core.windows.net/labels/${name}.json`],
      customProperties: { team: 'vision' },
    });
  }
  await useEmulatorConnection(page, app, emulator);
  await page.getByRole('searchbox', { name: 'Filter datasets' }).fill('bulk-');
  await expect(selectBox(page, 'bulk-5')).toBeVisible();

  // A click, then a Shift-click: the range between them.
  await selectBox(page, 'bulk-1').click();
  await selectBox(page, 'bulk-3').click({ modifiers: ['Shift'] });
  for (const name of NAMES) {
    await expect(selectBox(page, name)).toBeChecked({ checked: NAMES.indexOf(name) <= 2 });
  }
  await expect(button(page, 'Edit selected')).toHaveText('Edit selected\u00a0(3)');

  // By keyboard, in the grid: the highlight follows the last box clicked; an arrow moves it,
  // Space clears the highlighted row, Ctrl+A checks every row shown.
  await datasetGrid(page).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(selectBox(page, 'bulk-2')).not.toBeChecked();
  await page.keyboard.press('ControlOrMeta+a');
  for (const name of NAMES) await expect(selectBox(page, name)).toBeChecked();

  // The selection is by name: it outlives the filter that showed the rows.
  await page.getByRole('searchbox', { name: 'Filter datasets' }).fill('');
  await expect(datasetGrid(page)).toBeVisible();
  await expect(button(page, 'Edit selected')).toHaveText('Edit selected\u00a0(5)');
  await button(page, 'Edit selected').click();

  const edit = dialog(page, 'Edit selected datasets');
  await expect(edit).toBeVisible();
  // Apply with nothing filled in: the field to fix says why and has the focus.
  await button(edit, 'Apply').click();
  await expect(edit.getByRole('textbox', { name: 'Property name' })).toBeFocused();
  await expect(edit.getByText('A property name cannot be empty.')).toBeVisible();
  await page.keyboard.type('stage');
  await edit.getByRole('textbox', { name: 'Property value' }).fill('reviewed');
  const preview = edit.getByRole('table', { name: 'Preview' });
  for (const name of NAMES) {
    await expect(resultRow(preview, name)).toContainText('Adds property "stage" = "reviewed"');
  }
  await expectNoViolations(page);
  expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(880);

  // Meanwhile a colleague sets another property on one and deletes another.
  await patchDataset(emulator, 'bulk-2', { customProperties: { team: 'vision', owner: 'ana' } });
  await deleteDataset(emulator, 'bulk-4');

  await button(edit, 'Apply').focus();
  await page.keyboard.press('Enter');
  const results = edit.getByRole('table', { name: 'Results' });
  // The pressed button is gone; the focus stays in the dialog, on what comes next.
  await expect(button(edit, 'Retry failed')).toBeFocused();
  for (const name of ['bulk-1', 'bulk-3', 'bulk-5']) {
    await expect(resultRow(results, name).getByRole('cell').nth(1)).toHaveText('Saved');
  }
  await expect(resultRow(results, 'bulk-2').getByRole('cell').nth(1)).toHaveText(
    'Changed meanwhile, merged and saved',
  );
  await expect(resultRow(results, 'bulk-4').getByRole('cell').nth(1)).toHaveText('Failed');
  await expect(resultRow(results, 'bulk-4').getByRole('cell').nth(2)).toContainText(
    'Deleted meanwhile',
  );
  await expectNoViolations(page);

  // The service holds exactly what was asked, the colleague's change kept.
  for (const name of ['bulk-1', 'bulk-3', 'bulk-5']) {
    expect((await readDataset(emulator, name)).customProperties).toEqual({
      team: 'vision',
      stage: 'reviewed',
    });
  }
  expect((await readDataset(emulator, 'bulk-2')).customProperties).toEqual({
    team: 'vision',
    owner: 'ana',
    stage: 'reviewed',
  });
  expect((await fetchDataset(emulator, 'bulk-4')).status).toBe(404);

  // The colleague registers it again; Retry failed runs that one only, from its new version.
  await putDataset(emulator, 'bulk-4', {
    annotationKind: 'imageObjectDetection',
    annotationFileUris: ['https://contoso.blob.core.windows.net/labels/bulk-4-new.json'],
  });
  const before = await readDataset(emulator, 'bulk-1');
  await page.keyboard.press('Enter');
  await expect(resultRow(results, 'bulk-4').getByRole('cell').nth(1)).toHaveText('Saved');
  // Its row takes the failed one's place; the others keep their results and were not sent again.
  await expect(results.getByRole('row')).toHaveCount(6);
  await expect(resultRow(results, 'bulk-2').getByRole('cell').nth(1)).toHaveText(
    'Changed meanwhile, merged and saved',
  );
  await expect(button(edit, 'Retry failed')).toHaveCount(0);
  const retried = await readDataset(emulator, 'bulk-4');
  expect(retried.customProperties).toEqual({ stage: 'reviewed' });
  expect(retried.annotationKind).toBe('imageObjectDetection');
  expect((await readDataset(emulator, 'bulk-1')).eTag).toBe(before.eTag);

  await expect(button(edit, 'Close')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(edit).toHaveCount(0);
});

test('a new SAS token for several datasets never comes back to the page', async ({
  page,
  app,
  emulator,
}) => {
  const token = 'sv=2024-05-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=bulkSecret%3D';
  for (const name of ['sas-a', 'sas-b']) {
    await putDataset(emulator, name, {
      annotationKind: 'imageClassification',
      annotationFileUris: [`https://contoso.blob.core.windows.net/labels/${name}.json`],
    });
  }
  await useEmulatorConnection(page, app, emulator);
  await selectBox(page, 'sas-a').click();
  await selectBox(page, 'sas-b').click();
  await expect(button(page, 'Edit selected')).toHaveText('Edit selected\u00a0(2)');
  await button(page, 'Edit selected').click();
  const edit = dialog(page, 'Edit selected datasets');
  await edit.getByRole('combobox', { name: 'Change' }).selectOption({
    label: 'Replace the storage authentication',
  });
  const tokenBox = edit.getByLabel('SAS token');
  await tokenBox.fill(`?${token}`);
  await expect(edit.getByText('Leave out the leading "?" of the SAS token.')).toBeVisible();
  await tokenBox.fill(token);
  await expect(resultRow(edit.getByRole('table', { name: 'Preview' }), 'sas-a')).toContainText(
    'Storage authentication: none → the new SAS token',
  );
  await button(edit, 'Apply').click();
  await expect(button(edit, 'Close')).toBeVisible();
  for (const name of ['sas-a', 'sas-b']) {
    expect((await readDataset(emulator, name)).authentication).toEqual({
      kind: 'sas',
      sasToken: token,
    });
  }
  expect(await page.content()).not.toContain('bulkSecret');
});

test('a conflict saves nothing; Review asks before replacing unsaved edits, opens the edit even in the open editor, and Save meets the Conflict dialog', async ({
  page,
  app,
  emulator,
}) => {
  await putDataset(emulator, 'conf-1', {
    annotationKind: 'imageClassification',
    annotationFileUris: ['https://contoso.blob.core.windows.net/labels/conf-1.json'],
  });
  await useEmulatorConnection(page, app, emulator);
  // The dataset is open with an unsaved edit of the user's own.
  await openDataset(page, 'conf-1');
  await uriBox(page, 1).fill('https://contoso.blob.core.windows.net/labels/mine.json');
  await selectBox(page, 'conf-1').click();
  await expect(button(page, 'Edit selected')).toHaveText('Edit selected\u00a0(1)');
  await button(page, 'Edit selected').click();
  const edit = dialog(page, 'Edit selected datasets');
  await edit.getByRole('textbox', { name: 'Property name' }).fill('stage');
  await edit.getByRole('textbox', { name: 'Property value' }).fill('reviewed');
  await patchDataset(emulator, 'conf-1', { customProperties: { stage: 'blocked' } });
  await button(edit, 'Apply').click();

  const results = edit.getByRole('table', { name: 'Results' });
  await expect(resultRow(results, 'conf-1').getByRole('cell').nth(1)).toContainText(
    'Conflict left for review',
  );
  await expect(resultRow(results, 'conf-1').getByRole('cell').nth(2)).toContainText(
    'Property "stage"',
  );
  expect((await readDataset(emulator, 'conf-1')).customProperties).toEqual({ stage: 'blocked' });

  // Review would replace that edit: it asks first; Keep editing keeps it.
  await button(edit, 'Review conf-1').click();
  await expect(edit).toHaveCount(0);
  const ask = dialog(page, 'Discard unsaved changes?');
  await button(ask, 'Keep editing').click();
  await expect(uriBox(page, 1)).toHaveValue(
    'https://contoso.blob.core.windows.net/labels/mine.json',
  );
  await expect(propertyValue(page, 1)).toHaveCount(0);

  // Asked again and told to go on, the same open dataset shows the bulk edit instead.
  await button(page, 'Edit selected').click();
  await edit.getByRole('textbox', { name: 'Property name' }).fill('stage');
  await edit.getByRole('textbox', { name: 'Property value' }).fill('reviewed');
  await patchDataset(emulator, 'conf-1', { customProperties: { stage: 'held' } });
  await button(edit, 'Apply').click();
  await button(edit, 'Review conf-1').click();
  await button(ask, 'Discard').click();
  await expect(nameBox(page)).toHaveValue('conf-1');
  await expect(propertyValue(page, 1)).toHaveValue('reviewed');
  await expect(uriBox(page, 1)).toHaveValue(
    'https://contoso.blob.core.windows.net/labels/conf-1.json',
  );
  await button(page, 'Save').click();
  await expect(dialog(page, 'Conflict')).toBeVisible();
  expect((await readDataset(emulator, 'conf-1')).customProperties).toEqual({ stage: 'held' });
});
