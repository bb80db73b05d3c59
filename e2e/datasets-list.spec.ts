import { startEmulator } from '../emulator/server';
import { EMULATOR_KEY, expect, test } from './support/fixtures';
import { clearFaults, setFaults } from './support/emulator-http';
import { largeDatasetName, startLargeEmulator } from './support/large-emulator';
import { button, datasetGrid, datasetRow, datasetRows, useEmulatorConnection } from './support/ui';

const SEEDED = [
  'flowers-classification',
  'invoice-logos',
  'pcb-defect-detection',
  'retail-shelf-products',
  'wildlife-camera-traps',
  'xray-hand-fractures',
];

test('lists the datasets of the selected connection and filters them by name', async ({
  page,
  app: _app,
}) => {
  // The built-in Local emulator, seeded, is listed without any setup.
  await expect(datasetRows(page)).toHaveCount(SEEDED.length);
  for (const name of SEEDED) await expect(datasetRow(page, name)).toBeVisible();
  const row = datasetRow(page, 'pcb-defect-detection');
  await expect(row).toContainText('Object detection');
  await expect(row).toContainText('3 URIs');
  await expect(row.getByText(/^Updated /)).toHaveAttribute('title', /2024/);
  await expect(page.getByText('6 datasets', { exact: true })).toBeVisible();

  const filter = page.getByRole('searchbox', { name: 'Filter datasets' });
  await filter.fill('RETAIL');
  await expect(datasetRows(page)).toHaveCount(1);
  await expect(datasetRow(page, 'retail-shelf-products')).toBeVisible();
  await expect(page.getByText('1 of 6 datasets')).toBeVisible();

  await filter.fill('-c');
  await expect(datasetRows(page)).toHaveCount(2);

  await filter.fill('no-such-thing');
  await expect(page.getByText('No datasets match “no-such-thing”.')).toBeVisible();
  await expect(datasetGrid(page)).toHaveCount(0);

  await filter.fill('');
  await expect(datasetRows(page)).toHaveCount(SEEDED.length);
});

test('ten thousand datasets arrive page by page and scroll with few rows in the page', async ({
  page,
  app,
}) => {
  test.slow();
  const large = await startLargeEmulator(10_000, 15);
  try {
    await useEmulatorConnection(page, app, large, 'Survey archive');
    await expect(
      page.getByRole('status').filter({ hasText: /Loading… [\d,]+ datasets so far/ }),
    ).toBeVisible();
    await expect(page.getByText('10,000 datasets', { exact: true })).toBeVisible({
      timeout: 30_000,
    });

    const grid = datasetGrid(page);
    await expect(grid).toHaveAttribute('aria-rowcount', '10001');
    expect(await datasetRows(page).count()).toBeLessThan(100);

    // To the end by keyboard, as a user would: the last one is there, still few rows exist.
    await datasetRow(page, largeDatasetName(0)).click();
    await grid.press('End');
    await expect(datasetRow(page, largeDatasetName(9_999))).toBeVisible();
    await expect(datasetRow(page, largeDatasetName(0))).toHaveCount(0);
    expect(await datasetRows(page).count()).toBeLessThan(100);

    // And by wheel, back to the middle.
    await grid.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
    await expect(datasetRow(page, largeDatasetName(5_000))).toBeVisible();
    expect(await datasetRows(page).count()).toBeLessThan(100);

    await page.getByRole('searchbox', { name: 'Filter datasets' }).fill('survey-0424');
    await expect(datasetRows(page)).toHaveCount(10);
    await grid.press('End');
    await grid.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
      largeDatasetName(4_249),
    );
  } finally {
    await large.close();
  }
});

test('an empty connection says how to start', async ({ page, app }) => {
  const empty = await startEmulator({ port: 0, key: EMULATOR_KEY });
  try {
    await useEmulatorConnection(page, app, empty, 'Fresh resource');
    await expect(page.getByText('No datasets yet — New dataset')).toBeVisible();
    await expect(datasetGrid(page)).toHaveCount(0);
  } finally {
    await empty.close();
  }
});

test('a failed listing shows the service’s message and a retry that works', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await expect(datasetRows(page)).toHaveCount(SEEDED.length);

  // 503 on every attempt main makes (4), so the failure reaches the page.
  await setFaults(emulator, { failNext: { status: 503, count: 4 } });
  await button(page, 'Refresh').click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be listed' });
  await expect(alert).toContainText('The emulator was told to fail this request with status 503.');

  await clearFaults(emulator);
  await button(alert, 'Try again').click();
  await expect(alert).toBeHidden();
  await expect(datasetRows(page)).toHaveCount(SEEDED.length);
});
