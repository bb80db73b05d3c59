import type { Page } from '@playwright/test';
import type { RunningEmulator } from '../emulator/server';
import { expect, test } from './support/fixtures';
import { clearFaults, readDataset, setFaults } from './support/emulator-http';
import {
  button,
  openDataset,
  propertyName,
  propertyValue,
  sasTokenBox,
  savedStatus,
  unsavedBadge,
  uriBox,
  useEmulatorConnection,
} from './support/ui';

/*
 * A slow service: each save takes long enough for the user to go on typing while "Saving…"
 * shows. Whatever they type then must still be in the form afterwards, as unsaved edits on
 * top of the version just saved, and must reach the service with the next save.
 */

// Long enough to type into two boxes on a busy machine; the test asserts it did.
const SLOW_SERVICE = { latencyMs: 4_000 };
const FIRST_TOKEN = 'sv=2024-05-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=e2eFirst%3D';
const SECOND_TOKEN = 'sv=2024-05-04&ss=b&srt=co&sp=rl&se=2031-01-01T00:00:00Z&sig=e2eSecond%3D';
const NEW_URI = 'https://contosovisiondata.blob.core.windows.net/flowers/coco/train-v2.json';

function sasRadio(page: Page) {
  return page
    .getByRole('radiogroup', { name: 'Storage authentication' })
    .getByRole('radio', { name: 'SAS token' });
}

/** Clicks Save and waits until the save is visibly running. */
async function startSlowSave(page: Page) {
  await button(page, 'Save').click();
  await expect(button(page, 'Saving…')).toBeVisible();
}

/** The typing above must have happened during the save, or the test proves nothing. */
async function stillSaving(page: Page) {
  await expect(button(page, 'Saving…')).toBeVisible();
}

/** Waits for the slow save to end, then lets the service answer at once again. */
async function saveEnded(page: Page, emulator: RunningEmulator) {
  await expect(button(page, 'Save')).toBeVisible({ timeout: 15_000 });
  await clearFaults(emulator);
}

test('a property added while a save runs stays in the form as an unsaved edit and is saved next', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'flowers-classification');
  await uriBox(page, 1).fill(NEW_URI);
  await sasRadio(page).click();
  await sasTokenBox(page).fill(FIRST_TOKEN);
  await setFaults(emulator, SLOW_SERVICE);

  await startSlowSave(page);
  await button(page, 'Add property').click();
  await propertyName(page, 3).fill('reviewed-by');
  await propertyValue(page, 3).fill('lena');
  await stillSaving(page);
  await saveEnded(page, emulator);

  // The first save reached the service, without the property typed meanwhile.
  const first = await readDataset(emulator, 'flowers-classification');
  expect(first.annotationFileUris[0]).toBe(NEW_URI);
  expect(first.authentication).toEqual({ kind: 'sas', sasToken: FIRST_TOKEN });
  expect(first.customProperties).toEqual({ team: 'botany', owner: 'ana.silva@contoso.com' });

  // The form keeps the property as an unsaved edit over the saved version; the token that
  // was saved is not offered as a change again.
  await expect(propertyName(page, 3)).toHaveValue('reviewed-by');
  await expect(propertyValue(page, 3)).toHaveValue('lena');
  await expect(uriBox(page, 1)).toHaveValue(NEW_URI);
  await expect(sasTokenBox(page)).toHaveValue('');
  await expect(unsavedBadge(page)).toBeVisible();
  // The status says the save worked without claiming everything is saved.
  await expect(savedStatus(page)).toHaveText('Earlier edits saved');
  await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(first.eTag);
  await expect(button(page, 'Save')).toBeEnabled();

  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');
  await expect(unsavedBadge(page)).toBeHidden();
  const second = await readDataset(emulator, 'flowers-classification');
  expect(second.customProperties).toEqual({
    team: 'botany',
    owner: 'ana.silva@contoso.com',
    'reviewed-by': 'lena',
  });
  expect(second.annotationFileUris[0]).toBe(NEW_URI);
  expect(second.authentication).toEqual({ kind: 'sas', sasToken: FIRST_TOKEN });
});

test('a SAS token typed over the one being saved stays in the form and is saved next', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await sasRadio(page).click();
  await sasTokenBox(page).fill(FIRST_TOKEN);
  await setFaults(emulator, SLOW_SERVICE);

  await startSlowSave(page);
  await sasTokenBox(page).fill(SECOND_TOKEN);
  await stillSaving(page);
  await saveEnded(page, emulator);

  const first = await readDataset(emulator, 'wildlife-camera-traps');
  expect(first.authentication).toEqual({ kind: 'sas', sasToken: FIRST_TOKEN });
  await expect(sasTokenBox(page)).toHaveValue(SECOND_TOKEN);
  await expect(unsavedBadge(page)).toBeVisible();

  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');
  await expect(sasTokenBox(page)).toHaveValue('');
  await expect(unsavedBadge(page)).toBeHidden();
  const second = await readDataset(emulator, 'wildlife-camera-traps');
  expect(second.authentication).toEqual({ kind: 'sas', sasToken: SECOND_TOKEN });
});
