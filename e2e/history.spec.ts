import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { patchDataset, readDataset } from './support/emulator-http';
import { expect, test } from './support/fixtures';
import {
  button,
  connection,
  dialog,
  openDataset,
  propertyValue,
  savedStatus,
  unsavedBadge,
  uriBox,
  useEmulatorConnection,
  TEST_CONNECTION,
} from './support/ui';
import { startWebApp } from './support/web-app';

/*
 * The editor's History tab: versions the app saw (two saves of its own, a colleague's change
 * read back), compared side by side, one restored and saved as an ordinary edit; and all of it
 * still there after a restart over the same data folder.
 */

const NAME = 'flowers-classification';

function kindSelect(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Annotation kind' });
}

function versions(page: Page): Locator {
  return page.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem');
}

function tab(page: Page, name: 'Dataset' | 'History'): Locator {
  return page.getByRole('tab', { name, exact: true });
}

async function save(page: Page): Promise<void> {
  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');
}

test('History lists saves and a colleague’s change; Compare and Restore this version work, and it survives a restart', async ({
  page,
  app,
  emulator,
}) => {
  test.slow();
  await page.setViewportSize({ width: 880, height: 560 });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, NAME);

  // Two saves of our own, then a colleague's change that the editor reads back.
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await save(page);
  await propertyValue(page, 1).fill('botany-lab');
  await save(page);
  const colleague = await patchDataset(emulator, NAME, {
    customProperties: { team: 'zoology', owner: 'ana.silva@contoso.com' },
  });
  await button(page, 'Reload').click();
  await expect(propertyValue(page, 1)).toHaveValue('zoology');

  // The History tab, reached from the keyboard.
  await tab(page, 'Dataset').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(tab(page, 'History')).toHaveAttribute('aria-selected', 'true');
  await expect(versions(page)).toHaveCount(4);
  await expect(versions(page).nth(0)).toContainText('Read from the service');
  await expect(versions(page).nth(0)).toContainText(colleague.eTag);
  await expect(versions(page).nth(0)).toContainText('In the editor');
  await expect(versions(page).nth(1)).toContainText('Saved in this app');
  await expect(versions(page).nth(2)).toContainText('Saved in this app');
  await expect(versions(page).nth(3)).toContainText('Read from the service');
  await expectNoViolations(page);

  // Compare the colleague's version with our last save: only the team differs.
  await button(versions(page).nth(0), 'Compare').click();
  const compared = page.getByRole('table', { name: 'Compared versions' });
  await expect(compared).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Compare versions' })).toBeFocused();
  await expect(page.getByText('1 field differs.')).toBeVisible();
  const team = compared.getByRole('row').filter({ hasText: 'Property "team"' });
  await expect(team).toContainText('Changed');
  await expect(team.getByRole('cell').nth(0)).toHaveText('botany-lab');
  await expect(team.getByRole('cell').nth(1)).toHaveText('zoology');
  // Against the first read instead: the kind differs too.
  await page.getByRole('combobox', { name: 'Compare with' }).selectOption({ index: 2 });
  await expect(page.getByText('2 fields differ.')).toBeVisible();
  await expectNoViolations(page);
  await button(page, 'Back to history').click();
  await expect(button(versions(page).nth(0), 'Compare')).toBeFocused();

  // Restore the first save: the form holds it, as unsaved edits over the colleague's version.
  const updates: string[] = [];
  page.on('request', (request) => {
    if (
      request.url().includes('/api/datasets%3Aupdate') ||
      request.url().includes('/api/datasets:update')
    ) {
      updates.push(request.postData() ?? '');
    }
  });
  await button(versions(page).nth(2), 'Restore this version').click();
  await expect(tab(page, 'Dataset')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/Restored the version seen/)).toBeVisible();
  await expect(kindSelect(page)).toHaveValue('imageObjectDetection');
  await expect(propertyValue(page, 1)).toHaveValue('botany');
  await expect(unsavedBadge(page)).toBeVisible();

  // Meanwhile the colleague changes the owner: Save meets a 412 like any edit, and the merge
  // keeps the restored team with their owner.
  const meanwhile = await patchDataset(emulator, NAME, {
    customProperties: { team: 'zoology', owner: 'li.wei@contoso.com' },
  });
  await button(page, 'Save').click();
  const conflict = dialog(page, 'Conflict');
  await button(conflict, 'Save merged').click();
  await expect(savedStatus(page)).toHaveText('Saved');
  expect(updates).toHaveLength(2);
  expect(JSON.parse(updates[0] ?? '{}')).toMatchObject({ name: NAME, ifMatch: colleague.eTag });
  expect(JSON.parse(updates[1] ?? '{}')).toMatchObject({ name: NAME, ifMatch: meanwhile.eTag });
  const after = await readDataset(emulator, NAME);
  expect(after.customProperties).toEqual({ team: 'botany', owner: 'li.wei@contoso.com' });
  expect(after.annotationKind).toBe('imageObjectDetection');

  // A restart over the same data folder still shows every version.
  await app.stop();
  const restarted = await startWebApp(app.dataDir);
  try {
    await page.goto(restarted.url);
    await connection(page, TEST_CONNECTION).click();
    await openDataset(page, NAME);
    await tab(page, 'History').click();
    await expect(versions(page)).toHaveCount(6);
    await expect(versions(page).nth(0)).toContainText('Saved in this app');
    await expect(versions(page).nth(0)).toContainText(after.eTag);
    await expect(versions(page).nth(1)).toContainText('The service’s copy at a conflict');
    await expect(versions(page).nth(1)).toContainText(meanwhile.eTag);
    await expect(versions(page).nth(5)).toContainText('Read from the service');
  } finally {
    await restarted.stop();
  }
});

test('Ctrl+S with a mistake in the form, pressed on the History tab, brings the form back at the mistake', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, NAME);
  await uriBox(page, 1).fill('not an address');
  await tab(page, 'History').click();
  await expect(versions(page)).toHaveCount(1);

  await page.keyboard.press('ControlOrMeta+s');
  await expect(tab(page, 'Dataset')).toHaveAttribute('aria-selected', 'true');
  await expect(uriBox(page, 1)).toBeFocused();
  await expect(uriBox(page, 1)).toHaveValue('not an address');
  // Fixing it does not send the user back to History.
  await uriBox(page, 1).fill('https://contoso.blob.core.windows.net/flowers/fixed.json');
  await expect(tab(page, 'Dataset')).toHaveAttribute('aria-selected', 'true');
  // History is still one click away, and shows again.
  await tab(page, 'History').click();
  await expect(versions(page)).toHaveCount(1);
});
