import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { EMULATOR_KEY, expect, test } from './support/fixtures';
import { readDataset } from './support/emulator-http';
import {
  TEST_CONNECTION,
  button,
  dialog,
  openDataset,
  propertyValue,
  sasTokenBox,
  savedStatus,
  sidewaysOverflow,
  useEmulatorConnection,
} from './support/ui';

/*
 * The request log: loads, a save and a failed read go through main; the Activity view lists
 * them, filters them, and copies each as code with the key and token left to the environment.
 */

const TOKEN = 'sv=2024-05-04&ss=b&srt=co&sp=rl&se=2031-01-01T00:00:00Z&sig=e2eActivitySecret%3D';

async function clipboardText(page: Page): Promise<string> {
  return page.evaluate<string>('navigator.clipboard.readText()');
}

function activityDialog(page: Page): Locator {
  return dialog(page, 'Activity');
}

function requestRows(scope: Locator): Locator {
  return scope
    .getByRole('table', { name: 'Requests' })
    .getByRole('row')
    .filter({
      has: scope.page().getByRole('cell'),
    });
}

function rowOf(scope: Locator, method: string, path: string): Locator {
  return requestRows(scope)
    .filter({ has: scope.page().getByRole('cell', { name: method, exact: true }) })
    .filter({ hasText: path });
}

test('Activity lists the requests and copies them as code without the key or token', async ({
  page,
  app,
  emulator,
}) => {
  test.slow();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 880, height: 560 });
  await useEmulatorConnection(page, app, emulator);

  // A save with a typed token and a changed property; first its code, from the editor.
  await openDataset(page, 'wildlife-camera-traps');
  const loaded = await readDataset(emulator, 'wildlife-camera-traps');
  const copySave = button(page, 'Copy as curl');
  await expect(copySave).toHaveAttribute('aria-disabled', 'true');
  await propertyValue(page, 1).fill('it\'s "$HOME" `olympics`');
  await page
    .getByRole('radiogroup', { name: 'Storage authentication' })
    .getByRole('radio', { name: 'SAS token' })
    .click();
  await sasTokenBox(page).fill(TOKEN);
  await expect(copySave).not.toHaveAttribute('aria-disabled', 'true');
  await copySave.click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const saveCode = await clipboardText(page);
  expect(saveCode).toContain('curl -X PATCH');
  expect(saveCode).toContain('/computervision/datasets/wildlife-camera-traps?api-version=');
  expect(saveCode).toContain(`If-Match: ${loaded.eTag}`);
  expect(saveCode).toContain('"$AZURE_VISION_KEY"');
  expect(saveCode).toContain('"$SAS_TOKEN"');
  // The value survives bash's quoting: its single quote closed and reopened.
  expect(saveCode).toContain(`it'\\''s \\"$HOME\\" \`olympics\``);
  expect(saveCode).not.toContain(EMULATOR_KEY);
  expect(saveCode).not.toContain('e2eActivitySecret');

  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');

  // A failed request: a dataset that is not there.
  const connections = await app.call<{ value: { id: string; name: string }[] }>('connections:list');
  const connectionId = connections.value.find((c) => c.name === TEST_CONNECTION)!.id;
  await app.call('datasets:get', { connectionId, name: 'no-such-dataset' });

  const activityButton = button(page, 'Activity');
  await activityButton.focus();
  await page.keyboard.press('Enter');
  const activity = activityDialog(page);
  await expect(activity).toBeVisible();

  const patch = rowOf(activity, 'PATCH', '/computervision/datasets/wildlife-camera-traps');
  await expect(patch).toHaveCount(1);
  await expect(patch.getByRole('cell').nth(3)).toHaveText('200');
  await expect(patch.getByRole('cell').nth(5)).toHaveText(/^[0-9a-f-]{36}$/);
  const missing = rowOf(activity, 'GET', '/computervision/datasets/no-such-dataset');
  await expect(missing.getByRole('cell').nth(3)).toHaveText(/^404 \w+/);
  await expect(missing.getByRole('cell').nth(5)).toHaveText(/^[0-9a-f-]{36}$/);
  // Newest first: the failed read came after the save.
  const order = await requestRows(activity).allTextContents();
  const at = (part: string) => order.findIndex((text) => text.includes(part));
  expect(at('no-such-dataset')).toBeLessThan(at('PATCH'));

  await expect
    .poll(() => sidewaysOverflow(page).then((o) => o.scrollWidth <= o.clientWidth))
    .toBe(true);
  await expectNoViolations(page);

  // Filters: failed ones only, then one dataset's.
  const statusFilter = activity.getByRole('combobox', { name: 'Status' });
  await statusFilter.selectOption({ label: 'Failed' });
  await expect(missing).toHaveCount(1);
  await expect(patch).toHaveCount(0);
  await statusFilter.selectOption({ label: '2xx' });
  await expect(patch).toHaveCount(1);
  await expect(missing).toHaveCount(0);
  await statusFilter.selectOption({ label: 'All' });
  await activity
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'wildlife-camera-traps' });
  await expect(missing).toHaveCount(0);
  const rows = requestRows(activity);
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain('wildlife-camera-traps');

  // The saved request as curl, and as PowerShell and Python from the row's menu.
  await button(patch, 'Copy as curl').click();
  await expect(activity.getByRole('status')).toHaveText('Copied the PATCH request as curl.');
  const curl = await clipboardText(page);
  expect(curl).toContain('curl -X PATCH');
  expect(curl).toContain('"$AZURE_VISION_KEY"');
  expect(curl).toContain('"$SAS_TOKEN"');
  expect(curl).toContain(`If-Match: ${loaded.eTag}`);

  await patch.getByRole('button', { name: /^Other languages for PATCH/ }).click();
  await page.getByRole('menuitem', { name: 'Copy as PowerShell' }).click();
  await expect(activity.getByRole('status')).toHaveText('Copied the PATCH request as PowerShell.');
  const powershell = await clipboardText(page);
  expect(powershell).toContain('$env:AZURE_VISION_KEY');
  expect(powershell).toContain('$env:SAS_TOKEN');

  await patch.getByRole('button', { name: /^Other languages for PATCH/ }).click();
  await page.getByRole('menuitem', { name: 'Copy as Python' }).click();
  await expect(activity.getByRole('status')).toHaveText('Copied the PATCH request as Python.');
  const python = await clipboardText(page);
  expect(python).toContain('os.environ["AZURE_VISION_KEY"]');
  expect(python).toContain('os.environ["SAS_TOKEN"]');

  const shown = (await activity.textContent()) ?? '';
  for (const text of [saveCode, curl, powershell, python, shown]) {
    expect(text).not.toContain(EMULATOR_KEY);
    expect(text).not.toContain('e2eActivitySecret');
  }

  // Escape closes it, and the focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await expect(activity).toBeHidden();
  await expect(activityButton).toBeFocused();

  // The log is kept in the data folder too, without the key or token.
  const file = readFileSync(join(app.dataDir, 'activity.jsonl'), 'utf8');
  expect(file).toContain('wildlife-camera-traps');
  expect(file).not.toContain(EMULATOR_KEY);
  expect(file).not.toContain('e2eActivitySecret');
});
