import { expect, test } from './support/fixtures';
import { crashAndRestart } from './support/app-crash';
import { waitForDraft } from './support/drafts';
import {
  TEST_CONNECTION,
  button,
  connection,
  nameBox,
  openDataset,
  propertyValue,
  unsavedBadge,
  useEmulatorConnection,
} from './support/ui';

test('the chosen connection and the open dataset come back after a reload', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'flowers-classification');

  await page.reload();
  await expect(connection(page, TEST_CONNECTION)).toHaveAttribute('aria-selected', 'true');
  await expect(nameBox(page)).toHaveValue('flowers-classification');

  // Choosing another connection is remembered too, with nothing open in it.
  await connection(page, 'Local emulator').click();
  await expect(nameBox(page)).toBeHidden();
  await page.reload();
  await expect(connection(page, 'Local emulator')).toHaveAttribute('aria-selected', 'true');
  await expect(nameBox(page)).toBeHidden();
});

test('each restored draft is a link that opens it in its connection', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'flowers-classification');
  await propertyValue(page, 1).fill('edited before the crash');
  await waitForDraft(app, 'flowers-classification', (d) =>
    JSON.stringify(d.values).includes('edited before the crash'),
  );

  const restarted = await crashAndRestart(app);
  try {
    page.on('dialog', (d) => void d.accept());
    // A new address (another port): what the page kept is not there, the drafts are.
    await page.goto(restarted.url);
    await connection(page, 'Local emulator').click();
    const link = page.getByRole('button', { name: `flowers-classification (${TEST_CONNECTION})` });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(connection(page, TEST_CONNECTION)).toHaveAttribute('aria-selected', 'true');
    await expect(nameBox(page)).toHaveValue('flowers-classification');
    await expect(propertyValue(page, 1)).toHaveValue('edited before the crash');
    await expect(unsavedBadge(page)).toBeVisible();
    await expect(button(page, 'Save')).toBeEnabled();
  } finally {
    await restarted.stop();
  }
});
