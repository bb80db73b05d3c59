import type { Locator, Page } from '@playwright/test';
import { fixtureCategory, makeCocoFile } from '../shared/coco/fixtures';
import type { CocoFile } from '../shared/coco/fixtures';
import {
  SAMPLE_IMAGE_HEIGHT,
  SAMPLE_IMAGE_WIDTH,
  sampleBlobs,
} from '../emulator/storage/sample-files';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { putSasDataset, uploadBlob } from './support/storage';
import { button, openDataset, sidewaysOverflow, useEmulatorConnection } from './support/ui';

/*
 * `Categories` in a file's check result: annotations per category as a bar chart, thin and
 * unused categories marked in words and colour, and every number in a table.
 */

function categoriesOf(page: Page, file: string): Locator {
  return page
    .getByRole('region', { name: 'Annotation check' })
    .getByRole('article', { name: file })
    .getByRole('region', { name: `Categories in ${file}` });
}

function chartOf(categories: Locator): Locator {
  return categories.getByRole('img', { name: /^Bar chart of annotations per category/ });
}

/** Each body row's cells, as the user reads them. */
async function tableCells(categories: Locator): Promise<string[][]> {
  const table = categories.getByRole('table', { name: /^Annotations per category/ });
  const rows = table.locator('tbody tr');
  const cells: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const texts = await rows.nth(i).locator('td').allInnerTexts();
    cells.push(texts.map((text) => text.replace(/\s+/g, ' ').trim()));
  }
  return cells;
}

/** The fill each bar is painted with, top to bottom. */
async function barFills(chart: Locator): Promise<string[]> {
  return chart.locator('rect').evaluateAll((rects) =>
    rects.map(
      (rect) =>
        (
          globalThis as unknown as {
            getComputedStyle: (element: unknown) => { fill: string };
          }
        ).getComputedStyle(rect).fill,
    ),
  );
}

test('a classification file: thin and unused categories marked, the same numbers in the table, at 880 x 560', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 880, height: 560 });
  const container = 'categories-thin';
  const containerUrl = `${azurite.blobEndpoint}/${container}`;
  // 14 images, one label each: cat 5, dog 5, bird 4; then one dog becomes a horse (1, below
  // classification training's 2) and a sheep no image uses.
  const coco: CocoFile = makeCocoFile({
    kind: 'imageClassification',
    images: 14,
    categories: 3,
    baseUrl: containerUrl,
  });
  coco.annotations[13]!.category_id = 4;
  coco.categories.push(fixtureCategory(4), fixtureCategory(5));
  // The images exist, so the check reads them: small PNGs of the right size.
  const pngs = sampleBlobs(containerUrl).filter((blob) => blob.contentType === 'image/png');
  for (const [index, image] of coco.images.entries()) {
    image.width = SAMPLE_IMAGE_WIDTH;
    image.height = SAMPLE_IMAGE_HEIGHT;
    const png = pngs[index % pngs.length]!;
    await uploadBlob(azurite, container, image.file_name, png.body, 'image/png');
  }
  const uri = await uploadBlob(azurite, container, 'coco/thin.json', JSON.stringify(coco));
  await putSasDataset(emulator, azurite, 'categories-thin', {
    kind: 'imageClassification',
    container,
    uris: [uri],
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'categories-thin');

  await button(page, 'Check annotation files').click();
  const categories = categoriesOf(page, 'thin.json');
  const chart = chartOf(categories);
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(
    'Bar chart of annotations per category, most first, 5 of 5 shown; largest: cat 5, dog 4, bird 4; 1 thin; 1 unused.',
  );
  // Most first; dog and bird tie and keep the file's order.
  await expect(chart.getByText('Thin', { exact: true })).toHaveCount(1);
  await expect(chart.getByText('Unused', { exact: true })).toHaveCount(1);
  const fills = await barFills(chart);
  expect(fills).toHaveLength(5);
  expect(fills[3]).not.toBe(fills[0]);
  expect(fills[4]).toBe(fills[3]);
  await expect(categories.getByRole('list', { name: 'Legend' })).toContainText(
    'Thin: used by fewer than 2 annotations, the least Azure accepts per category for classification training.',
  );
  // Five categories fit: no `Show all`.
  await expect(categories.getByRole('button', { name: /^Show all/ })).toHaveCount(0);

  expect(await tableCells(categories)).toEqual([
    ['cat', '1', '5', '35.7%'],
    ['dog', '2', '4', '28.6%'],
    ['bird', '3', '4', '28.6%'],
    ['horse Thin', '4', '1', '7.1%'],
    ['sheep Unused', '5', '0', '0%'],
  ]);
  const headers = categories.getByRole('columnheader');
  await expect(headers).toHaveText(['Category', 'Id', 'Annotations', 'Share']);

  const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await expectNoViolations(page);
});

test('132 categories: the top 20, `Show all` by keyboard, the table in pages', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 880, height: 560 });
  const container = 'categories-many';
  const containerUrl = `${azurite.blobEndpoint}/${container}`;
  // 150 boxes over 130 categories: the first 20 get 2, the others 1; 2 more are never used.
  const coco = makeCocoFile({
    kind: 'imageObjectDetection',
    images: 150,
    categories: 130,
    annotationsPerImage: 1,
    baseUrl: containerUrl,
  });
  coco.categories.push(fixtureCategory(131), fixtureCategory(132));
  const uri = await uploadBlob(azurite, container, 'coco/many.json', JSON.stringify(coco));
  await putSasDataset(emulator, azurite, 'categories-many', {
    kind: 'imageObjectDetection',
    container,
    uris: [uri],
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'categories-many');

  await button(page, 'Check annotation files').click();
  const categories = categoriesOf(page, 'many.json');
  const chart = chartOf(categories);
  await expect(chart).toBeVisible();
  await expect(chart.locator('rect')).toHaveCount(20);
  const more = categories.getByText('and 112 more (2 unused)', { exact: true });
  await expect(more).toBeVisible();
  // Object detection needs 1 annotation per used category: only unused ones can be marked.
  await expect(categories.getByRole('list', { name: 'Legend' })).toContainText(
    'For object detection training, 1 annotation is enough',
  );

  // By keyboard: from the line above it, Tab reaches `Show all`, Enter shows every bar.
  await more.click();
  await page.keyboard.press('Tab');
  const showAll = button(categories, 'Show all 132 categories');
  await expect(showAll).toBeFocused();
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(chart.locator('rect')).toHaveCount(132);
  await expect(chart.getByText('Unused', { exact: true })).toHaveCount(2);
  const showTop = button(categories, 'Show the top 20');
  await expect(showTop).toBeFocused();
  await expect(showTop).toHaveAttribute('aria-expanded', 'true');
  // The bars scroll in place, and a keyboard can reach them to scroll.
  await page.keyboard.press('Shift+Tab');
  await expect(chart).toBeFocused();

  const cells = await tableCells(categories);
  expect(cells).toHaveLength(100);
  expect(cells[0]).toEqual(['cat', '1', '2', '1.3%']);
  await button(categories, 'Next rows').click();
  await expect(categories.getByRole('status')).toHaveText('Rows 101 to 132 of 132');
  const rest = await tableCells(categories);
  expect(rest).toHaveLength(32);
  expect(rest.at(-1)).toEqual(['person 6 Unused', '132', '0', '0%']);

  const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await expectNoViolations(page);
});
