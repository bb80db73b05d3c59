import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { clearFaults, patchDataset, readDataset, setFaults } from './support/emulator-http';
import {
  button,
  dialog,
  openDataset,
  propertyName,
  propertyValue,
  savedStatus,
  unsavedBadge,
  uriBox,
  useEmulatorConnection,
} from './support/ui';
import { nextDatasetRead, returnToWindow, settle } from './support/window-focus';

/*
 * A colleague saves the dataset that is open in the app (over the emulator's HTTP). The app
 * reads the open dataset again when its window gets focus (and every 30 s while visible,
 * which the unit tests cover): with no edits it shows the new version and says so; with
 * edits it offers the merge before the save would meet a 412. The service is slow, as the
 * issue saw it.
 */

const SLOW_SERVICE = { latencyMs: 1_500 };
const NEW_URI = 'https://northwindqa.blob.core.windows.net/pcb-inspection/line-5/coco/train.json';

function changedNotice(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: 'changed on the service' });
}

function kindSelect(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Annotation kind' });
}

/** The table row of one field in the merge view; its cells are Yours, Theirs and Result. */
function fieldRow(scope: Locator, label: string): Locator {
  return scope
    .getByRole('row')
    .filter({ has: scope.page().getByRole('rowheader').getByText(label, { exact: true }) });
}

test('with nothing edited, a colleague’s save shows when the window gets focus, and the app’s own save does not', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'pcb-defect-detection');
  await setFaults(emulator, SLOW_SERVICE);

  // Our own save, with the window focused while it runs and again after: never news.
  await uriBox(page, 1).fill(NEW_URI);
  await button(page, 'Save').click();
  await expect(button(page, 'Saving…')).toBeVisible();
  await returnToWindow(page);
  await expect(savedStatus(page)).toHaveText('Saved', { timeout: 15_000 });
  const reRead = nextDatasetRead(page);
  await returnToWindow(page);
  await reRead;
  await settle(page);
  await expect(changedNotice(page)).toHaveCount(0);
  await expect(savedStatus(page)).toHaveText('Saved');

  // A colleague's save: the form takes it as soon as the window gets focus.
  const theirs = await patchDataset(emulator, 'pcb-defect-detection', {
    customProperties: { line: '5' },
  });
  await returnToWindow(page);
  await expect(changedNotice(page)).toContainText(
    '“pcb-defect-detection” changed on the service; showing the new version',
  );
  await expect(propertyName(page, 1)).toHaveValue('line');
  await expect(propertyValue(page, 1)).toHaveValue('5');
  await expect(uriBox(page, 1)).toHaveValue(NEW_URI);
  await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(theirs.eTag);
  await expect(unsavedBadge(page)).toBeHidden();
  await expect(button(page, 'Save')).toBeDisabled();

  await button(changedNotice(page), 'Dismiss').click();
  await expect(changedNotice(page)).toHaveCount(0);
  await clearFaults(emulator);
});

test('with edits open, a colleague’s save raises a banner whose Review changes merges both', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'flowers-classification');
  await setFaults(emulator, SLOW_SERVICE);
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await patchDataset(emulator, 'flowers-classification', {
    customProperties: { team: 'zoology', owner: 'ana.silva@contoso.com' },
  });

  await returnToWindow(page);
  const banner = changedNotice(page);
  await expect(banner).toContainText('“flowers-classification” changed on the service');
  // The edits stay as they were; nothing was taken over them.
  await expect(kindSelect(page)).toHaveValue('imageObjectDetection');
  await expect(propertyValue(page, 1)).toHaveValue('botany');
  await expect(unsavedBadge(page)).toBeVisible();

  // The banner's button is reached from the command bar with Tab, and opens the merge view.
  await button(page, 'Delete dataset').focus();
  await page.keyboard.press('Tab');
  await expect(button(banner, 'Review changes')).toBeFocused();
  await page.keyboard.press('Enter');
  const conflict = dialog(page, 'Conflict');
  await expect(conflict).toBeVisible();
  const kind = fieldRow(conflict, 'Annotation kind').getByRole('cell');
  await expect(kind.nth(0)).toHaveText('Image object detection');
  await expect(kind.nth(1)).toHaveText('Image classification');
  const team = fieldRow(conflict, 'Property "team"').getByRole('cell');
  await expect(team.nth(0)).toHaveText('botany');
  await expect(team.nth(1)).toHaveText('zoology');

  await button(conflict, 'Save merged').click();
  await expect(conflict).toBeHidden({ timeout: 15_000 });
  await expect(savedStatus(page)).toHaveText('Saved');
  await expect(unsavedBadge(page)).toBeHidden();
  await expect(banner).toHaveCount(0);
  await clearFaults(emulator);

  const saved = await readDataset(emulator, 'flowers-classification');
  expect(saved.annotationKind).toBe('imageObjectDetection');
  expect(saved.customProperties).toEqual({ team: 'zoology', owner: 'ana.silva@contoso.com' });
  await expect(propertyValue(page, 1)).toHaveValue('zoology');
  await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(saved.eTag);
});
