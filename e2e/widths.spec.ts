import type { Locator, Page } from '@playwright/test';
import { patchDataset } from './support/emulator-http';
import { expect, test } from './support/fixtures';
import {
  button,
  datasetRow,
  nameBox,
  openDataset,
  propertyValue,
  sasTokenBox,
  uriBox,
  sidewaysOverflow,
  useEmulatorConnection,
} from './support/ui';

/** What the checks read of a control in the page (the e2e programs are compiled without DOM types). */
interface PageControl {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { right: number; width: number };
  checkVisibility(): boolean;
}

/*
 * The window from its minimum size (880 x 560) up: nothing is cut off at the right and
 * nothing scrolls sideways. The dataset opened has the most to lay out: several long URIs,
 * several properties, and the SAS token box.
 */

const DATASET = 'retail-shelf-products';
const SIZES = [
  { width: 880, height: 560 },
  { width: 1280, height: 820 },
  { width: 1920, height: 1080 },
];

function editor(page: Page): Locator {
  return page.getByRole('region', { name: 'Dataset editor' });
}

function collapseToggle(page: Page): Locator {
  return page.getByRole('button', { name: 'Show connections' });
}

/** Controls of the editor whose right edge lies past the viewport's or the pane's own edge. */
async function controlsCutOff(page: Page): Promise<string[]> {
  return editor(page).evaluate((pane) => {
    const limit = Math.min(
      pane.ownerDocument.documentElement.clientWidth,
      pane.getBoundingClientRect().right,
    );
    const selector = 'button, input, select, textarea, [role="radio"], [role="combobox"]';
    return Array.from(pane.querySelectorAll(selector) as unknown as ArrayLike<PageControl>)
      .filter((element) => element.checkVisibility() && element.getBoundingClientRect().width > 0)
      .filter((element) => element.getBoundingClientRect().right > limit + 0.5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()} “${element.getAttribute('aria-label') ?? element.textContent ?? ''}” ends at ${Math.round(element.getBoundingClientRect().right)} > ${Math.round(limit)}`,
      );
  });
}

async function openBusyDataset(page: Page) {
  await openDataset(page, DATASET);
  await expect(uriBox(page, 3)).toBeVisible();
  await expect(propertyValue(page, 3)).toBeVisible();
  await expect(sasTokenBox(page)).toBeVisible();
}

test.beforeEach(async ({ page, emulator }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await patchDataset(emulator, DATASET, {
    annotationFileUris: [
      'https://fabrikamretail.blob.core.windows.net/shelf-images/2024-q1/annotations/coco-train.json',
      'https://fabrikamretail.blob.core.windows.net/shelf-images/2024-q1/annotations/coco-validation.json',
      'https://fabrikamretail.blob.core.windows.net/shelf-images/2024-q2/annotations/coco-holdout.json',
    ],
  });
});

for (const size of SIZES) {
  test(`at ${size.width} x ${size.height} every control of the editor is within the window`, async ({
    page,
    app,
    emulator,
  }) => {
    await page.setViewportSize(size);
    await useEmulatorConnection(page, app, emulator);
    await openBusyDataset(page);

    expect(await controlsCutOff(page)).toEqual([]);
    const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // The editor's command bar and the last remove buttons, by name, as a person looks for them.
    // Scrolled to (the form scrolls up and down), each is wholly in view: nothing cut at the side.
    for (const name of ['Save', 'Reload', 'Delete dataset', 'Remove URI 3', 'Remove property 3']) {
      // Centred: "if needed" may leave a control that already shows in part where it is.
      await button(page, name).evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await expect(button(page, name)).toBeInViewport({ ratio: 1 });
    }
    await page.screenshot({
      path: `e2e/artifacts/widths-${size.width}x${size.height}-lower.png`,
    });
    await nameBox(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/artifacts/widths-${size.width}x${size.height}.png` });
  });
}

test('at 880 x 560 the editor keeps every control within the window with connections shown and hidden', async ({
  page,
  app,
  emulator,
}) => {
  await page.setViewportSize({ width: 880, height: 560 });
  await useEmulatorConnection(page, app, emulator);
  await openBusyDataset(page);
  const hide = page.getByRole('button', { name: 'Hide connections' });
  await hide.click();
  await expect(page.getByRole('listbox', { name: 'Connections' })).toBeHidden();
  expect(await controlsCutOff(page)).toEqual([]);
  const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await page.screenshot({ path: 'e2e/artifacts/widths-880x560-connections-hidden.png' });
});

test('at 1280 x 820 New dataset is one line and typing a filter leaves the buttons in place', async ({
  page,
  app,
  emulator,
}) => {
  await page.setViewportSize({ width: 1280, height: 820 });
  await useEmulatorConnection(page, app, emulator);
  await openBusyDataset(page);

  const newDataset = button(page, 'New dataset');
  const refresh = button(page, 'Refresh');
  const before = {
    refresh: await refresh.boundingBox(),
    newDataset: await newDataset.boundingBox(),
  };
  // One line: as high as its icon-only neighbour, both being medium buttons.
  expect(before.newDataset?.height).toBe(before.refresh?.height);

  await page.getByRole('searchbox', { name: 'Filter datasets' }).click();
  await page.keyboard.type('retail-shelf');
  await expect(datasetRow(page, 'flowers-classification')).toBeHidden();
  expect((await refresh.boundingBox())?.x).toBe(before.refresh?.x);
  expect((await newDataset.boundingBox())?.x).toBe(before.newDataset?.x);
  expect((await newDataset.boundingBox())?.height).toBe(before.newDataset?.height);
});

test('hiding the connections is remembered after a reload', async ({ page, app, emulator }) => {
  await page.setViewportSize({ width: 880, height: 560 });
  await useEmulatorConnection(page, app, emulator);
  const connections = page.getByRole('listbox', { name: 'Connections' });
  await expect(connections).toBeVisible();

  await page.getByRole('button', { name: 'Hide connections' }).click();
  await expect(connections).toBeHidden();
  // The datasets pane takes the room, and the list still belongs to the chosen connection.
  await expect(datasetRow(page, DATASET)).toBeVisible();

  await page.reload();
  await expect(datasetRow(page, DATASET)).toBeVisible();
  await expect(connections).toBeHidden();
  await expect(collapseToggle(page)).toBeVisible();

  await collapseToggle(page).click();
  await expect(connections).toBeVisible();
  await page.reload();
  await expect(connections).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide connections' })).toBeVisible();
});
