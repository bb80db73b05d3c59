import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { button, datasetRows } from './support/ui';

/** The benchmark's marks (bench/first-rows.ts), as start times in the page's clock. */
function marks(page: Page): Promise<{ arrived: number[]; firstRows: number[] }> {
  return page.evaluate(`({
    arrived: performance.getEntriesByName('datasets:data-arrived', 'mark').map((m) => m.startTime),
    firstRows: performance.getEntriesByName('datasets:first-rows', 'mark').map((m) => m.startTime),
  })`);
}

test('the datasets list marks when a listing’s data arrived and when its first rows showed', async ({
  page,
  app: _app,
}) => {
  await expect(datasetRows(page)).toHaveCount(6);
  await expect.poll(async () => (await marks(page)).firstRows.length).toBe(1);
  const first = await marks(page);
  expect(first.arrived).toHaveLength(1);
  expect(first.firstRows[0]).toBeGreaterThanOrEqual(first.arrived[0]!);

  // Each listing is marked once: Refresh lists again.
  await button(page, 'Refresh').click();
  await expect.poll(async () => (await marks(page)).firstRows.length).toBe(2);
  const second = await marks(page);
  expect(second.arrived).toHaveLength(2);
  expect(second.firstRows[1]).toBeGreaterThanOrEqual(second.arrived[1]!);
});
