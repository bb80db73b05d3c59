import { EMULATOR_KEY, expect, test } from './support/fixtures';
import {
  button,
  connection,
  datasetGrid,
  datasetRow,
  datasetRows,
  dialog,
  useEmulatorConnection,
} from './support/ui';

test('adds a connection through the dialog, tests it and lists its datasets', async ({
  page,
  app: _app,
  emulator,
}) => {
  // The built-in one is there, selected, from the first start.
  await expect(connection(page, 'Local emulator')).toHaveAttribute('aria-selected', 'true');

  await button(page, 'Add connection').click();
  const add = dialog(page, 'Add connection');
  await add.getByLabel('Name').fill('Contoso vision');
  await add.getByLabel('Endpoint').fill(emulator.url);
  const key = add.getByLabel('Subscription key');
  await expect(key).toHaveAttribute('type', 'password');
  await key.fill(EMULATOR_KEY);
  await button(add, 'Test connection').click();
  await expect(add.getByRole('status')).toContainText('Connection works');
  await button(add, 'Save').click();
  await expect(add).toBeHidden();

  const added = connection(page, 'Contoso vision');
  await expect(added).toHaveAttribute('aria-selected', 'true');
  await expect(added).toContainText(new URL(emulator.url).host);
  await expect(datasetRow(page, 'flowers-classification')).toBeVisible();
  await expect(datasetRows(page)).toHaveCount(6);

  // The saved key is never shown again; an empty box keeps it.
  await button(page, 'Edit connection').click();
  const edit = dialog(page, 'Edit connection');
  await expect(edit.getByLabel('Name')).toHaveValue('Contoso vision');
  await expect(edit.getByLabel('Subscription key')).toHaveValue('');
  await expect(edit.getByText('Leave empty to keep the saved key')).toBeVisible();
  await edit.getByLabel('Name').fill('Contoso vision (prod)');
  await button(edit, 'Save').click();
  await expect(edit).toBeHidden();
  await expect(connection(page, 'Contoso vision (prod)')).toBeVisible();
  await expect(datasetRows(page)).toHaveCount(6);
});

test('a wrong key is refused, in the test and in the list, until it is fixed', async ({
  page,
  app: _app,
  emulator,
}) => {
  await button(page, 'Add connection').click();
  const add = dialog(page, 'Add connection');
  await add.getByLabel('Name').fill('Wrong key');
  await add.getByLabel('Endpoint').fill(emulator.url);
  await add.getByLabel('Subscription key').fill('not-the-key');
  await button(add, 'Test connection').click();
  await expect(add.getByRole('alert')).toContainText('Key refused (401)');
  await button(add, 'Save').click();
  await button(dialog(page, 'Save a connection that failed its test?'), 'Save anyway').click();
  await expect(add).toBeHidden();

  const alert = page.getByRole('alert').filter({ hasText: 'could not be listed' });
  await expect(alert).toContainText('The service refused the subscription key');
  await expect(datasetGrid(page)).toHaveCount(0);

  // The fix is offered next to the error (e2e/error-fixes.spec.ts has the details).
  await button(alert, 'Edit connection').click();
  const edit = dialog(page, 'Edit connection');
  await edit.getByLabel('Subscription key').fill(EMULATOR_KEY);
  await button(edit, 'Save').click();
  await expect(edit).toBeHidden();
  await expect(datasetRows(page)).toHaveCount(6);
});

test('the test tells an unreachable endpoint from a malformed one', async ({ page, app: _app }) => {
  await button(page, 'Add connection').click();
  const add = dialog(page, 'Add connection');
  await add.getByLabel('Subscription key').fill('some-key');

  await add.getByLabel('Endpoint').fill('ftp://files.contoso.com');
  await button(add, 'Test connection').click();
  await expect(add.getByText('The endpoint must start with https://, not ftp://.')).toBeVisible();

  // Port 9 (discard) has nothing listening on a test machine.
  await add.getByLabel('Endpoint').fill('http://127.0.0.1:9');
  await button(add, 'Test connection').click();
  await expect(
    add.getByRole('alert').filter({ hasText: 'Cannot reach the endpoint' }),
  ).toContainText('Cannot reach 127.0.0.1:9');

  // Nothing was saved by testing or cancelling.
  await button(add, 'Cancel').click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('listbox', { name: 'Connections' }).getByRole('option')).toHaveCount(
    1,
  );
});

test('the built-in connection cannot be changed; removing another asks first', async ({
  page,
  app,
  emulator,
}) => {
  await expect(button(page, 'Edit connection')).toBeDisabled();
  await expect(button(page, 'Remove connection')).toBeDisabled();

  await useEmulatorConnection(page, app, emulator, 'Short-lived');
  await expect(button(page, 'Remove connection')).toBeEnabled();
  await datasetRow(page, 'invoice-logos').click();
  await expect(page.getByRole('heading', { name: 'invoice-logos' })).toBeVisible();
  await button(page, 'Remove connection').click();
  const confirm = dialog(page, 'Remove connection?');
  await expect(confirm).toContainText('Short-lived');
  await button(confirm, 'Cancel').click();
  await expect(connection(page, 'Short-lived')).toBeVisible();

  await button(page, 'Remove connection').click();
  await button(confirm, 'Remove').click();
  await expect(confirm).toBeHidden();
  await expect(connection(page, 'Short-lived')).toHaveCount(0);
  await expect(connection(page, 'Local emulator')).toHaveAttribute('aria-selected', 'true');
  // Its dataset went with it: the editor does not show the same name from another service.
  await expect(page.getByText('No dataset open')).toBeVisible();
  const list = await app.call<{ ok: boolean; value: { name: string }[] }>('connections:list');
  expect(list.value.map((c) => c.name)).toEqual(['Local emulator']);
});
