import type { Page } from '@playwright/test';
import { EMULATOR_KEY, expect, test } from './support/fixtures';
import { clearFaults, setFaults } from './support/emulator-http';
import { startWebApp } from './support/web-app';
import { button, connection, datasetRows, dialog, useEmulatorConnection } from './support/ui';

const SEEDED_COUNT = 6;

function listAlert(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'could not be listed' });
}

test('a refused key offers Edit connection, by click or keyboard, on the key field', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator, 'Wrong key', 'not-the-key');
  const alert = listAlert(page);
  await expect(alert).toContainText('The service refused the subscription key');
  // The same key fails again: only fixing it helps.
  await expect(button(alert, 'Try again')).toHaveCount(0);

  await button(alert, 'Edit connection').click();
  const edit = dialog(page, 'Edit connection');
  await expect(edit.getByLabel('Subscription key')).toBeFocused();
  await button(edit, 'Cancel').click();
  await expect(edit).toBeHidden();

  // By keyboard: the fix is the next stop after the list's toolbar.
  await button(page, 'New dataset').focus();
  await page.keyboard.press('Tab');
  await expect(button(alert, 'Edit connection')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(edit.getByLabel('Subscription key')).toBeFocused();
  await page.keyboard.type(EMULATOR_KEY);
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();

  await expect(datasetRows(page)).toHaveCount(SEEDED_COUNT);
  await expect(alert).toBeHidden();
});

test('a session-only key forgotten by a restart offers to enter it again', async ({
  page,
  app,
  emulator,
}) => {
  const added = await app.call<{ ok: boolean }>('connections:add', {
    name: 'Kept for the session',
    endpoint: emulator.url,
    key: EMULATOR_KEY,
    sessionOnly: true,
  });
  expect(added.ok).toBe(true);
  await app.stop();
  const restarted = await startWebApp(app.dataDir);
  try {
    await page.goto(restarted.url);
    await connection(page, 'Kept for the session').click();
    const alert = listAlert(page);
    await expect(alert).toContainText('forgotten when the app closed');
    await expect(button(alert, 'Try again')).toHaveCount(0);

    await button(alert, 'Enter the key').click();
    const edit = dialog(page, 'Edit connection');
    await expect(edit.getByLabel('Subscription key')).toBeFocused();
    await page.keyboard.type(EMULATOR_KEY);
    await page.keyboard.press('Enter');
    await expect(edit).toBeHidden();
    await expect(datasetRows(page)).toHaveCount(SEEDED_COUNT);
  } finally {
    await restarted.stop();
  }
});

test('an out-of-date page token says where to get a working URL', async ({ page, app }) => {
  // What a tab left open across a restart of `npm run web` holds: a token no longer valid.
  await page.goto(`${app.origin}/?token=token-of-an-earlier-start`);
  const alert = page.getByRole('alert').filter({ hasText: 'access token' });
  await expect(alert).toContainText(
    'Open the full URL, token included, that `npm run web` printed',
  );
  await expect(alert).toContainText('start it again to get a new URL');
  await expect(button(alert, 'Try again')).toHaveCount(0);

  await page.goto(app.url);
  await expect(connection(page, 'Local emulator')).toBeVisible();
});

test('saving a connection whose test just failed asks first', async ({
  page,
  app: _app,
  emulator,
}) => {
  await button(page, 'Add connection').click();
  const add = dialog(page, 'Add connection');
  await add.getByLabel('Name').fill('Untested');
  await add.getByLabel('Endpoint').fill(emulator.url);
  await add.getByLabel('Subscription key').fill('not-the-key');
  await button(add, 'Test connection').click();
  await expect(add.getByRole('alert')).toContainText('Key refused (401)');

  await button(add, 'Save').click();
  const ask = dialog(page, 'Save a connection that failed its test?');
  await expect(ask).toContainText('Key refused (401)');
  await button(ask, 'Keep editing').click();
  await expect(ask).toBeHidden();
  await expect(add).toBeVisible();
  await expect(connection(page, 'Untested')).toHaveCount(0);

  await button(add, 'Save').click();
  await button(ask, 'Save anyway').click();
  await expect(add).toBeHidden();
  await expect(connection(page, 'Untested')).toHaveAttribute('aria-selected', 'true');
  await expect(listAlert(page)).toContainText('The service refused the subscription key');
});

test('Try again is offered for a failing service, not for a 404', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await expect(datasetRows(page)).toHaveCount(SEEDED_COUNT);

  await setFaults(emulator, { failNext: { status: 404, count: 1 } });
  await button(page, 'Refresh').click();
  const alert = listAlert(page);
  await expect(alert).toContainText('has no datasets API at this address');
  await expect(button(alert, 'Try again')).toHaveCount(0);

  // 500 on every attempt main makes (4): the failure reaches the page.
  await setFaults(emulator, { failNext: { status: 500, count: 4 } });
  await button(page, 'Refresh').click();
  await expect(alert).toContainText('HTTP 500');
  await clearFaults(emulator);
  await button(alert, 'Try again').click();
  await expect(alert).toBeHidden();
  await expect(datasetRows(page)).toHaveCount(SEEDED_COUNT);
});
