import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { button, datasetGrid, datasetRow, datasetRows, openDataset, uriBox } from './support/ui';

// Clipboard reads need the permission; the zone and locale make the tooltip's text known.
test.use({
  permissions: ['clipboard-read', 'clipboard-write'],
  timezoneId: 'Asia/Tokyo',
  locale: 'en-GB',
  colorScheme: 'light',
});

function clipboard(page: Page): Promise<unknown> {
  return page.evaluate('navigator.clipboard.readText()');
}

function sortButton(page: Page, column: string): Locator {
  return datasetGrid(page).getByRole('button', { name: column, exact: true });
}

function columnHeader(page: Page, column: string): Locator {
  return datasetGrid(page).getByRole('columnheader', { name: column, exact: true });
}

async function expectOrder(page: Page, names: string[]): Promise<void> {
  await expect(datasetRows(page)).toHaveCount(names.length);
  for (const [index, name] of names.entries()) {
    await expect(datasetRows(page).nth(index)).toHaveAttribute('aria-label', name);
  }
}

test('copies the name, the ETag, a URI and the endpoint', async ({ page, app: _app }) => {
  await openDataset(page, 'pcb-defect-detection');

  await button(page, 'Copy name').click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await clipboard(page)).toBe('pcb-defect-detection');

  const eTag = await page.getByRole('textbox', { name: 'ETag' }).inputValue();
  expect(eTag).not.toBe('');
  await button(page, 'Copy ETag').click();
  expect(await clipboard(page)).toBe(eTag);

  await button(page, 'Copy URI 3').click();
  expect(await clipboard(page)).toBe(
    'https://northwindqa.blob.core.windows.net/pcb-inspection/line-4/coco/defects-train.json',
  );
  // The whole URI reads in its tooltip however narrow the box.
  await expect(uriBox(page, 3)).toHaveAttribute(
    'title',
    'https://northwindqa.blob.core.windows.net/pcb-inspection/line-4/coco/defects-train.json',
  );

  await button(page, 'Copy endpoint').click();
  expect(await clipboard(page)).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
});

test('sorts the list by name, kind and updated time, with clicks and with keys', async ({
  page,
  app: _app,
}) => {
  const byName = [
    'flowers-classification',
    'invoice-logos',
    'pcb-defect-detection',
    'retail-shelf-products',
    'wildlife-camera-traps',
    'xray-hand-fractures',
  ];
  await expectOrder(page, byName);
  await expect(columnHeader(page, 'Name')).toHaveAttribute('aria-sort', 'ascending');

  await sortButton(page, 'Kind').click();
  await expect(columnHeader(page, 'Kind')).toHaveAttribute('aria-sort', 'ascending');
  await expect(columnHeader(page, 'Name')).not.toHaveAttribute('aria-sort', /./);
  await expectOrder(page, [
    'flowers-classification',
    'wildlife-camera-traps',
    'xray-hand-fractures',
    'invoice-logos',
    'pcb-defect-detection',
    'retail-shelf-products',
  ]);

  // Newest first on the first press, by keyboard this time.
  await sortButton(page, 'Updated').focus();
  await page.keyboard.press('Enter');
  await expect(columnHeader(page, 'Updated')).toHaveAttribute('aria-sort', 'descending');
  await expectOrder(page, [
    'xray-hand-fractures',
    'invoice-logos',
    'wildlife-camera-traps',
    'pcb-defect-detection',
    'flowers-classification',
    'retail-shelf-products',
  ]);
  await page.keyboard.press('Space');
  await expect(columnHeader(page, 'Updated')).toHaveAttribute('aria-sort', 'ascending');
  await expectOrder(page, [
    'retail-shelf-products',
    'flowers-classification',
    'pcb-defect-detection',
    'wildlife-camera-traps',
    'invoice-logos',
    'xray-hand-fractures',
  ]);

  await sortButton(page, 'Name').click();
  await sortButton(page, 'Name').click();
  await expect(columnHeader(page, 'Name')).toHaveAttribute('aria-sort', 'descending');
  await expectOrder(page, [...byName].reverse());

  // The rows still open from the keyboard in the new order: Home is the first shown.
  await datasetGrid(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
    'xray-hand-fractures',
  );
});

test('filters by kind, by part of a URI and by a property value', async ({ page, app: _app }) => {
  const filter = page.getByRole('searchbox', { name: 'Filter datasets' });
  await filter.fill('line-4/coco');
  await expectOrder(page, ['pcb-defect-detection']);

  await filter.fill('dr-okafor');
  await expectOrder(page, ['xray-hand-fractures']);

  await filter.fill('Object detection');
  await expectOrder(page, ['invoice-logos', 'pcb-defect-detection', 'retail-shelf-products']);
  await expect(page.getByText('3 of 6 datasets')).toBeVisible();
});

test('shows times in local time with the zone in the tooltip', async ({ page, app: _app }) => {
  // 2025-01-13T15:27:54.602Z is 00:27:54 the next day in Tokyo (UTC+9).
  await expect(datasetRow(page, 'xray-hand-fractures').getByText(/^Updated /)).toHaveAttribute(
    'title',
    /14 January 2025.*00:27:54.*Japan Standard Time, Asia\/Tokyo.*2025-01-13T15:27:54\.602Z UTC/,
  );
  await openDataset(page, 'xray-hand-fractures');
  const updated = page.getByRole('textbox', { name: 'Updated', exact: true });
  await expect(updated).toHaveValue(/14 Jan 2025.*00:27:54/);
  await expect(updated).toHaveAttribute('title', /Asia\/Tokyo/);
});

test('remembers the theme across a reload', async ({ page, app: _app }) => {
  const provider = page.locator('.fui-FluentProvider').first();
  await expect(provider).toHaveCSS('background-color', 'rgb(255, 255, 255)');

  await button(page, 'Theme').click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(provider).toHaveCSS('background-color', 'rgb(41, 41, 41)');

  await page.reload();
  await expect(datasetGrid(page)).toBeVisible();
  await expect(provider).toHaveCSS('background-color', 'rgb(41, 41, 41)');
  await button(page, 'Theme').click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.getByRole('menuitemradio', { name: 'System' }).click();
  await expect(provider).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});

test('links to the Learn pages open outside the app', async ({ page, app: _app }) => {
  const datasets = page.getByRole('link', { name: /^Datasets on Learn/ });
  await expect(datasets).toHaveAttribute(
    'href',
    'https://learn.microsoft.com/azure/ai-services/computer-vision/concept-model-customization',
  );
  await expect(datasets).toHaveAttribute('target', '_blank');
  await expect(datasets).toHaveAttribute('rel', 'noreferrer');

  await openDataset(page, 'flowers-classification');
  await page.getByRole('radio', { name: 'SAS token' }).click();
  await expect(page.getByRole('link', { name: /^SAS tokens on Learn/ })).toHaveAttribute(
    'href',
    'https://learn.microsoft.com/azure/storage/common/storage-sas-overview',
  );
  await page.getByRole('radio', { name: 'Managed identity' }).click();
  await expect(page.getByRole('link', { name: /^Managed identities on Learn/ })).toHaveAttribute(
    'href',
    'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview',
  );
});
