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
  datasetRow,
  dialog,
  openDataset,
  propertyValue,
  sasTokenBox,
  savedStatus,
  unsavedBadge,
  uriBox,
  useEmulatorConnection,
} from './support/ui';

/*
 * The conflict dialog: the editor holds a dataset while "someone else" changes it over the
 * emulator's HTTP, so the next save meets a 412 (or a 404) and the dialog takes over.
 */

const NEW_TOKEN = 'sv=2024-05-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=e2eConflict%3D';
const EXTRA_URI =
  'https://woodgroveresearch.blob.core.windows.net/camera-traps/season-2024/labels.json';

function conflictDialog(page: Page): Locator {
  return dialog(page, 'Conflict');
}

function kindSelect(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Annotation kind' });
}

/** The table row of one field; its cells are Yours, Theirs and Result. */
function fieldRow(scope: Locator, label: string): Locator {
  return scope
    .getByRole('row')
    .filter({ has: scope.page().getByRole('rowheader').getByText(label, { exact: true }) });
}

function choice(scope: Locator, label: string, option: 'Keep mine' | 'Take theirs'): Locator {
  return scope.getByRole('radiogroup', { name: label, exact: true }).getByRole('radio', {
    name: option,
  });
}

/** Overwrite with mine, and yes to the question it asks first. */
async function overwriteWithMine(page: Page, conflict: Locator): Promise<void> {
  await button(conflict, 'Overwrite with mine').click();
  await button(dialog(page, 'Overwrite'), 'Overwrite').click();
}

test('edits to different fields merge without a conflict, and the service holds both', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'flowers-classification');
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await patchDataset(emulator, 'flowers-classification', {
    customProperties: { team: 'zoology', owner: 'ana.silva@contoso.com' },
  });

  await button(page, 'Save').click();
  const conflict = conflictDialog(page);
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('radiogroup')).toHaveCount(0);
  const kind = fieldRow(conflict, 'Annotation kind').getByRole('cell');
  await expect(kind.nth(0)).toHaveText('Image object detection');
  await expect(kind.nth(1)).toHaveText('Image classification');
  await expect(kind.nth(2)).toContainText('Image object detection');
  const team = fieldRow(conflict, 'Property "team"').getByRole('cell');
  await expect(team.nth(0)).toHaveText('botany');
  await expect(team.nth(1)).toHaveText('zoology');
  await expect(team.nth(2)).toContainText('zoology');

  await button(conflict, 'Save merged').click();
  await expect(conflict).toBeHidden();
  await expect(savedStatus(page)).toHaveText('Saved');
  await expect(unsavedBadge(page)).toBeHidden();

  const saved = await readDataset(emulator, 'flowers-classification');
  expect(saved.annotationKind).toBe('imageObjectDetection');
  expect(saved.customProperties).toEqual({ team: 'zoology', owner: 'ana.silva@contoso.com' });
  expect(saved.authentication).toEqual({ kind: 'managedIdentity' });
  // The editor now holds the saved version: both changes, and its eTag.
  await expect(kindSelect(page)).toHaveValue('imageObjectDetection');
  await expect(propertyValue(page, 1)).toHaveValue('zoology');
  await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(saved.eTag);
});

test('a true conflict is resolved field by field, and the service holds the choices', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await propertyValue(page, 1).fill('olympics');
  await propertyValue(page, 2).fill('CC0-1.0');
  await page
    .getByRole('radiogroup', { name: 'Storage authentication' })
    .getByRole('radio', { name: 'SAS token' })
    .click();
  await sasTokenBox(page).fill(NEW_TOKEN);
  await patchDataset(emulator, 'wildlife-camera-traps', {
    authentication: { kind: 'managedIdentity' },
    customProperties: { region: 'rockies', license: 'MIT' },
  });

  await button(page, 'Save').click();
  const conflict = conflictDialog(page);
  await expect(conflict).toBeVisible();
  const auth = fieldRow(conflict, 'Storage authentication').getByRole('cell');
  await expect(auth.nth(0)).toHaveText('SAS token (new, typed)');
  await expect(auth.nth(1)).toHaveText('Managed identity');
  // The token itself is never shown.
  await expect(conflict).not.toContainText('e2eConflict');
  await expect(conflict).toContainText('3 conflicts to resolve');
  await expect(button(conflict, 'Save merged')).toBeDisabled();

  await choice(conflict, 'Storage authentication', 'Keep mine').click();
  await choice(conflict, 'Property "region"', 'Keep mine').click();
  await expect(button(conflict, 'Save merged')).toBeDisabled();
  await choice(conflict, 'Property "license"', 'Take theirs').click();
  await expect(choice(conflict, 'Property "license"', 'Take theirs')).toBeChecked();
  await expect(fieldRow(conflict, 'Property "region"').getByRole('cell').nth(2)).toContainText(
    'olympics',
  );
  await expect(fieldRow(conflict, 'Property "license"').getByRole('cell').nth(2)).toContainText(
    'MIT',
  );
  await expect(conflict).toContainText('Every conflict resolved');

  await button(conflict, 'Save merged').click();
  await expect(conflict).toBeHidden();
  await expect(savedStatus(page)).toHaveText('Saved');
  const saved = await readDataset(emulator, 'wildlife-camera-traps');
  expect(saved.authentication).toEqual({ kind: 'sas', sasToken: NEW_TOKEN });
  expect(saved.customProperties).toEqual({ region: 'olympics', license: 'MIT' });
  await expect(propertyValue(page, 1)).toHaveValue('olympics');
  await expect(propertyValue(page, 2)).toHaveValue('MIT');
  await expect(page.getByText('A token is saved; type a new one to replace it.')).toBeVisible();
});

test('Reload takes theirs and drops my edits', async ({ page, app, emulator }) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await propertyValue(page, 1).fill('olympics');
  const theirs = await patchDataset(emulator, 'wildlife-camera-traps', {
    customProperties: { region: 'rockies', license: 'CC-BY-4.0' },
  });

  await button(page, 'Save').click();
  const conflict = conflictDialog(page);
  await button(conflict, 'Reload').click();
  await expect(conflict).toBeHidden();
  await expect(propertyValue(page, 1)).toHaveValue('rockies');
  await expect(unsavedBadge(page)).toBeHidden();
  await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(theirs.eTag);
  expect(await readDataset(emulator, 'wildlife-camera-traps')).toEqual(theirs);
});

test('Keep editing closes the dialog and keeps my edits, unsaved', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await propertyValue(page, 1).fill('olympics');
  await uriBox(page, 1).fill(EXTRA_URI);
  const theirs = await patchDataset(emulator, 'wildlife-camera-traps', {
    customProperties: { region: 'rockies', license: 'CC-BY-4.0' },
  });

  await button(page, 'Save').click();
  const conflict = conflictDialog(page);
  await choice(conflict, 'Property "region"', 'Keep mine').click();
  await button(conflict, 'Keep editing').click();
  await expect(conflict).toBeHidden();
  await expect(propertyValue(page, 1)).toHaveValue('olympics');
  await expect(uriBox(page, 1)).toHaveValue(EXTRA_URI);
  await expect(unsavedBadge(page)).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'someone else changed this dataset' }),
  ).toBeVisible();
  expect(await readDataset(emulator, 'wildlife-camera-traps')).toEqual(theirs);

  // Saving again merges again.
  await button(page, 'Save').click();
  await expect(conflict).toBeVisible();
  await expect(choice(conflict, 'Property "region"', 'Keep mine')).not.toBeChecked();
});

test('Ctrl+S then Enter saves the merge, keeping their change to another field', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'flowers-classification');
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await patchDataset(emulator, 'flowers-classification', {
    customProperties: { team: 'zoology', owner: 'ana.silva@contoso.com' },
  });

  await page.keyboard.press('ControlOrMeta+s');
  const conflict = conflictDialog(page);
  await expect(conflict).toBeVisible();
  await expect(button(conflict, 'Save merged')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(conflict).toBeHidden();
  await expect(savedStatus(page)).toHaveText('Saved');

  const saved = await readDataset(emulator, 'flowers-classification');
  expect(saved.customProperties).toEqual({ team: 'zoology', owner: 'ana.silva@contoso.com' });
  expect(saved.annotationKind).toBe('imageObjectDetection');
});

test('with a true conflict the keyboard keeps editing, and Overwrite with mine asks first', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await propertyValue(page, 1).fill('olympics');
  const theirs = await patchDataset(emulator, 'wildlife-camera-traps', {
    customProperties: { region: 'rockies', license: 'CC-BY-4.0' },
  });

  // Ctrl+S then Enter, as from habit: the edits stay in the form, theirs on the service.
  await page.keyboard.press('ControlOrMeta+s');
  const conflict = conflictDialog(page);
  await expect(conflict).toBeVisible();
  await expect(button(conflict, 'Keep editing')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(conflict).toBeHidden();
  await expect(propertyValue(page, 1)).toHaveValue('olympics');
  await expect(unsavedBadge(page)).toBeVisible();
  expect(await readDataset(emulator, 'wildlife-camera-traps')).toEqual(theirs);

  await page.keyboard.press('ControlOrMeta+s');
  await expect(conflict).toBeVisible();
  // The shortcut does nothing while the dialog is open.
  await page.keyboard.press('ControlOrMeta+s');
  await expect(conflict).toBeVisible();

  const overwrite = button(conflict, 'Overwrite with mine');
  await overwrite.click();
  const prompt = dialog(page, 'Overwrite');
  await expect(prompt).toBeVisible();
  const region = fieldRow(prompt, 'Property "region"').getByRole('cell');
  await expect(region.nth(0)).toHaveText('rockies');
  await expect(region.nth(1)).toHaveText('olympics');
  await expect(button(prompt, 'Cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(conflict).toBeVisible();
  await expect(overwrite).toBeFocused();
  expect(await readDataset(emulator, 'wildlife-camera-traps')).toEqual(theirs);

  // Enter on the focused button asks again; Escape closes only the question.
  await page.keyboard.press('Enter');
  await expect(prompt).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(conflict).toBeVisible();
  await expect(overwrite).toBeFocused();
  expect(await readDataset(emulator, 'wildlife-camera-traps')).toEqual(theirs);

  await overwrite.click();
  await button(prompt, 'Overwrite').click();
  await expect(conflict).toBeHidden();
  await expect(savedStatus(page)).toHaveText('Saved');
  expect((await readDataset(emulator, 'wildlife-camera-traps')).customProperties).toEqual({
    region: 'olympics',
    license: 'CC-BY-4.0',
  });
});

test('Overwrite with mine writes my version, and a third writer meanwhile is still caught', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'flowers-classification');
  await openDataset(page, 'flowers-classification');
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await patchDataset(emulator, 'flowers-classification', {
    customProperties: { team: 'zoology', owner: 'li.wei@contoso.com' },
  });

  await button(page, 'Save').click();
  const conflict = conflictDialog(page);
  await expect(conflict).toBeVisible();
  // A third writer, after the dialog read theirs: the overwrite must not land blindly.
  await patchDataset(emulator, 'flowers-classification', {
    annotationFileUris: [...before.annotationFileUris, EXTRA_URI],
  });
  await overwriteWithMine(page, conflict);
  await expect(conflict.getByText('It changed again while this was open')).toBeVisible();
  await expect(fieldRow(conflict, 'Annotation file URIs')).toBeVisible();
  expect((await readDataset(emulator, 'flowers-classification')).annotationKind).toBe(
    'imageClassification',
  );

  await overwriteWithMine(page, conflict);
  await expect(conflict).toBeHidden();
  await expect(savedStatus(page)).toHaveText('Saved');
  const saved = await readDataset(emulator, 'flowers-classification');
  expect(saved.annotationKind).toBe('imageObjectDetection');
  expect(saved.customProperties).toEqual(before.customProperties);
  expect(saved.annotationFileUris).toEqual(before.annotationFileUris);
  await expect(propertyValue(page, 2)).toHaveValue('ana.silva@contoso.com');
});

test('another change before Save merged loops back into the dialog, keeping the choices', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'wildlife-camera-traps');
  await openDataset(page, 'wildlife-camera-traps');
  await propertyValue(page, 1).fill('olympics');
  await propertyValue(page, 2).fill('CC0-1.0');
  await patchDataset(emulator, 'wildlife-camera-traps', {
    customProperties: { region: 'rockies', license: 'MIT' },
  });

  await button(page, 'Save').click();
  const conflict = conflictDialog(page);
  await choice(conflict, 'Property "region"', 'Keep mine').click();
  await choice(conflict, 'Property "license"', 'Take theirs').click();
  await expect(fieldRow(conflict, 'Annotation file URIs')).toHaveCount(0);

  await patchDataset(emulator, 'wildlife-camera-traps', {
    annotationFileUris: [...before.annotationFileUris, EXTRA_URI],
  });
  await button(conflict, 'Save merged').click();
  await expect(conflict.getByText('Your choices still apply and are kept.')).toBeVisible();
  await expect(fieldRow(conflict, 'Annotation file URIs').getByRole('cell').nth(1)).toContainText(
    EXTRA_URI,
  );
  await expect(choice(conflict, 'Property "region"', 'Keep mine')).toBeChecked();
  await expect(choice(conflict, 'Property "license"', 'Take theirs')).toBeChecked();

  await button(conflict, 'Save merged').click();
  await expect(conflict).toBeHidden();
  await expect(savedStatus(page)).toHaveText('Saved');
  const saved = await readDataset(emulator, 'wildlife-camera-traps');
  expect(saved.customProperties).toEqual({ region: 'olympics', license: 'MIT' });
  expect(saved.annotationFileUris).toEqual([...before.annotationFileUris, EXTRA_URI]);
});

test('a dataset deleted meanwhile can be registered again from my edits', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'flowers-classification');
  await openDataset(page, 'flowers-classification');
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await propertyValue(page, 1).fill('horticulture');
  await deleteDataset(emulator, 'flowers-classification');

  await button(page, 'Save').click();
  const gone = dialog(page, '“flowers-classification” was deleted');
  await expect(gone).toBeVisible();
  await button(gone, 'Register again').click();
  await expect(gone).toBeHidden();
  await expect(savedStatus(page)).toHaveText('Saved');

  const registered = await readDataset(emulator, 'flowers-classification');
  expect(registered).toMatchObject({
    annotationKind: 'imageObjectDetection',
    annotationFileUris: before.annotationFileUris,
    authentication: { kind: 'managedIdentity' },
    customProperties: { team: 'horticulture', owner: 'ana.silva@contoso.com' },
  });
  await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(registered.eTag);
  await expect(datasetRow(page, 'flowers-classification')).toContainText('Object detection');
});

test('registering again explains a name that was taken meanwhile (409)', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'invoice-logos');
  await kindSelect(page).selectOption({ label: 'Image classification' });
  await deleteDataset(emulator, 'invoice-logos');

  await button(page, 'Save').click();
  const gone = dialog(page, 'was deleted');
  await expect(gone).toBeVisible();
  const newcomer = await putDataset(emulator, 'invoice-logos', {
    annotationKind: 'imageObjectDetection',
    annotationFileUris: ['https://fabrikam.blob.core.windows.net/logos/v2/coco.json'],
  });
  await button(gone, 'Register again').click();
  await expect(gone.getByRole('alert')).toContainText('the name is taken again');
  expect(await readDataset(emulator, 'invoice-logos')).toEqual(newcomer);

  await button(gone, 'Reload').click();
  await expect(gone).toBeHidden();
  await expect(uriBox(page, 1)).toHaveValue(
    'https://fabrikam.blob.core.windows.net/logos/v2/coco.json',
  );
  await expect(unsavedBadge(page)).toBeHidden();
});

test('delete with a stale eTag shows what changed and asks again', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await patchDataset(emulator, 'wildlife-camera-traps', {
    annotationKind: 'imageObjectDetection',
  });

  await button(page, 'Delete dataset').click();
  await button(dialog(page, 'Delete dataset?'), 'Delete').click();
  const changed = dialog(page, 'delete it anyway?');
  await expect(changed).toBeVisible();
  const kind = fieldRow(changed, 'Annotation kind').getByRole('cell');
  await expect(kind.nth(0)).toHaveText('Image classification');
  await expect(kind.nth(1)).toHaveText('Image object detection');
  expect((await fetchDataset(emulator, 'wildlife-camera-traps')).status).toBe(200);

  await button(changed, 'Delete').click();
  await expect(changed).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toHaveText(
    '“wildlife-camera-traps” was deleted.',
  );
  expect((await fetchDataset(emulator, 'wildlife-camera-traps')).status).toBe(404);
});

test('the conflict dialogs pass an accessibility scan', async ({ page, app, emulator }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'flowers-classification');
  await openDataset(page, 'flowers-classification');

  // A bit of everything: a settled change each way, a merged list, conflicts of each kind.
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await button(page, 'Add URI').click();
  await uriBox(page, 3).fill(
    'https://contosovisiondata.blob.core.windows.net/flowers/coco/test.json',
  );
  await page
    .getByRole('radiogroup', { name: 'Storage authentication' })
    .getByRole('radio', { name: 'SAS token' })
    .click();
  await sasTokenBox(page).fill(NEW_TOKEN);
  await propertyValue(page, 1).fill('horticulture');
  await propertyValue(page, 2).fill('marta.lopez@contoso.com');
  await patchDataset(emulator, 'flowers-classification', {
    annotationFileUris: [
      ...before.annotationFileUris,
      'https://contosovisiondata.blob.core.windows.net/flowers/coco/extra.json',
    ],
    authentication: { kind: 'none' },
    customProperties: { team: 'zoology', owner: 'ana.silva@contoso.com', stage: 'review' },
  });

  await button(page, 'Save').click();
  const conflict = conflictDialog(page);
  await expect(conflict).toBeVisible();
  await choice(conflict, 'Property "team"', 'Keep mine').click();
  await expectNoViolations(page);
  await page.screenshot({ path: 'e2e/artifacts/conflict-dialog.png' });

  // The question before an overwrite, in a small window: it must fit and scroll by itself.
  await button(conflict, 'Overwrite with mine').click();
  const prompt = dialog(page, 'Overwrite');
  await expect(prompt).toBeVisible();
  await page.setViewportSize({ width: 880, height: 560 });
  await expect(button(prompt, 'Overwrite')).toBeInViewport();
  await expectNoViolations(page);
  await page.screenshot({ path: 'e2e/artifacts/overwrite-prompt.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await button(prompt, 'Cancel').click();
  await button(conflict, 'Keep editing').click();
  await button(page, 'Discard changes').click();

  await button(page, 'Delete dataset').click();
  await button(dialog(page, 'Delete dataset?'), 'Delete').click();
  const changed = dialog(page, 'delete it anyway?');
  await expect(changed).toBeVisible();
  await expectNoViolations(page);
  await page.screenshot({ path: 'e2e/artifacts/delete-changed.png' });
  await button(changed, 'Reload').click();
  await expect(changed).toBeHidden();
  await expect(propertyValue(page, 1)).toHaveValue('zoology');

  await propertyValue(page, 1).fill('horticulture');
  await deleteDataset(emulator, 'flowers-classification');
  await button(page, 'Save').click();
  await expect(dialog(page, 'was deleted')).toBeVisible();
  await expectNoViolations(page);
  await page.screenshot({ path: 'e2e/artifacts/dataset-deleted.png' });
});
