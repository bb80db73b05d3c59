import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { RunningEmulator } from '../../emulator/server';
import { EMULATOR_KEY } from './fixtures';
import type { WebApp } from './web-app';

/*
 * Finders for the product's fixed names (shared/ui-contract.md), so a spec reads as what a
 * user does. Setup that is not under test goes through the bridge (app.call).
 */

export const TEST_CONNECTION = 'E2E emulator';

/** Adds a connection to `emulator` behind the scenes and opens it, as a returning user would. */
export async function useEmulatorConnection(
  page: Page,
  app: WebApp,
  emulator: RunningEmulator,
  name = TEST_CONNECTION,
  key = EMULATOR_KEY,
): Promise<void> {
  const added = await app.call<{ ok: boolean }>('connections:add', {
    name,
    endpoint: emulator.url,
    key,
  });
  expect(added.ok).toBe(true);
  await page.reload();
  await connection(page, name).click();
  await expect(connection(page, name)).toHaveAttribute('aria-selected', 'true');
}

export function connection(page: Page, name: string): Locator {
  return page.getByRole('listbox', { name: 'Connections' }).getByRole('option', { name });
}

export function datasetGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Datasets' });
}

export function datasetRow(page: Page, name: string): Locator {
  return datasetGrid(page).getByRole('row', { name, exact: true });
}

export function datasetRows(page: Page): Locator {
  // Body rows only: the header row is named by its column titles.
  return datasetGrid(page).locator('[role="row"][aria-label]');
}

export async function openDataset(page: Page, name: string): Promise<void> {
  await datasetRow(page, name).click();
  await expect(nameBox(page)).toHaveValue(name);
}

export function nameBox(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Name', exact: true });
}

export function uriBox(page: Page, n: number): Locator {
  return page.getByRole('textbox', { name: `Annotation file URI ${n}`, exact: true });
}

export function uriBoxes(page: Page): Locator {
  return page.getByRole('textbox', { name: /^Annotation file URI \d+$/ });
}

export function propertyName(page: Page, n: number): Locator {
  return page.getByRole('textbox', { name: `Property name ${n}`, exact: true });
}

export function propertyValue(page: Page, n: number): Locator {
  return page.getByRole('textbox', { name: `Property value ${n}`, exact: true });
}

/** The masked box; a password input has no role, so it is found by its label. */
export function sasTokenBox(page: Page): Locator {
  return page.getByLabel('SAS token', { exact: true });
}

export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

export function dialog(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name }).or(page.getByRole('alertdialog', { name }));
}

export function unsavedBadge(page: Page): Locator {
  return page.getByText('Unsaved changes', { exact: true });
}

export function savedStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: 'Saved' });
}

/** How wide the page's content is against its window: wider means it scrolls sideways. */
export async function sidewaysOverflow(page: Page) {
  // A string, since the e2e programs are compiled without DOM types.
  return page.evaluate<{ scrollWidth: number; clientWidth: number }>(`(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  })()`);
}
