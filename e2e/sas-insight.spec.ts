import type { Locator, Page } from '@playwright/test';
import type { RunningEmulator } from '../emulator/server';
import { putDataset } from './support/emulator-http';
import { expect, test } from './support/fixtures';
import { findSecrets, pageLeftovers, signatureOf } from './support/page-leftovers';
import {
  datasetGrid,
  datasetRow,
  openDataset,
  sasTokenBox,
  useEmulatorConnection,
} from './support/ui';

/*
 * SAS insight: main reads a saved token's expiry and permissions for the page (which never
 * gets the token), the list marks tokens that expired or expire within a week, and the editor
 * says when a token expires and what it cannot do, for a saved token and for one being typed.
 */

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const URI = 'https://contosovision.blob.core.windows.net/sas-insight/train.json';

/** A SAS time `days` days (plus an hour, so whole days are unambiguous) from now. */
function sasTime(days: number): string {
  const shift = days >= 0 ? days * DAY + HOUR : days * DAY - HOUR;
  return new Date(Date.now() + shift).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function token(params: string, sig: string): string {
  return `sv=2022-11-02&sr=c&${params}&spr=https&sig=${sig}`;
}

const SAVED = {
  'sas-expired': token(`sp=rl&se=${sasTime(-10)}`, 'e2eExpiredSig0aB9cD8eF7gH6iJ5kL4%2B%3D'),
  'sas-expires-soon-and-has-a-rather-long-name-for-a-narrow-pane': token(
    `sp=rl&se=${sasTime(3)}`,
    'e2eSoonSig1mN2oP3qR4sT5uV6wX7yZ8%2B%3D',
  ),
  'sas-later': token(`sp=rl&st=${sasTime(-1)}&se=${sasTime(40)}`, 'e2eLaterSig9zY8xW7vU6tS5rQ4%3D'),
  'sas-no-expiry': token('sp=rl', 'e2eNoExpirySig3pO2nM1lK0jI9hG8%3D'),
};
const SOON = 'sas-expires-soon-and-has-a-rather-long-name-for-a-narrow-pane';

async function seed(emulator: RunningEmulator): Promise<void> {
  for (const [name, sasToken] of Object.entries(SAVED)) {
    await putDataset(emulator, name, {
      annotationKind: 'imageObjectDetection',
      annotationFileUris: [URI],
      authentication: { kind: 'sas', sasToken },
    });
  }
}

/** How much wider an element's content is than its box (the e2e code has no DOM types). */
function overflowOf(element: unknown): number {
  const box = element as { scrollWidth: number; clientWidth: number };
  return box.scrollWidth - box.clientWidth;
}

function badge(row: Locator, text: string): Locator {
  return row.getByText(text, { exact: true });
}

function tokenSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Dataset editor' });
}

/** No saved token's signature anywhere in the page: DOM, box values, storages. */
async function expectNoSavedSignatures(page: Page): Promise<void> {
  const secrets = Object.fromEntries(
    Object.entries(SAVED).map(([name, sasToken]) => [name, signatureOf(sasToken)]),
  );
  expect(findSecrets(await pageLeftovers(page), secrets)).toEqual([]);
}

test('the list marks expired and soon-expiring SAS tokens, and the editor says when each expires', async ({
  page,
  app,
  emulator,
}) => {
  await seed(emulator);
  await useEmulatorConnection(page, app, emulator);

  await expect(badge(datasetRow(page, 'sas-expired'), 'SAS expired')).toBeVisible();
  await expect(badge(datasetRow(page, SOON), 'SAS expires soon')).toBeVisible();
  for (const name of ['sas-later', 'sas-no-expiry']) {
    await expect(datasetRow(page, name)).toBeVisible();
    await expect(datasetRow(page, name).getByText(/^SAS exp/)).toHaveCount(0);
  }
  await expect(datasetRow(page, 'sas-expired').getByText('SAS expires soon')).toHaveCount(0);

  await openDataset(page, 'sas-expired');
  const editor = tokenSection(page);
  await expect(editor.getByText('Expired 10 days ago', { exact: true })).toBeVisible();
  await expect(editor.getByText(/generate a new token/)).toBeVisible();
  // The expiry describes the box, and the box keeps its own name.
  await expect(sasTokenBox(page)).toHaveAccessibleDescription(/Expired 10 days ago/);

  await openDataset(page, SOON);
  await expect(editor.getByText('Expires in 3 days', { exact: true })).toBeVisible();
  await expect(editor.getByText(/read \(r\) permission|list \(l\) permission/)).toHaveCount(0);

  await openDataset(page, 'sas-later');
  const later = editor.getByText('Expires in 40 days', { exact: true });
  await expect(later).toBeVisible();
  // The exact local time and zone are on hover.
  await expect(later).toHaveAttribute('title', /^Expires .+\(.+\) · \d{4}-\d{2}-\d{2}T.+Z UTC$/);

  await openDataset(page, 'sas-no-expiry');
  await expect(editor.getByText('No expiry date', { exact: true })).toBeVisible();

  await expectNoSavedSignatures(page);
});

test('a token being typed is described as it is typed: no read permission, its own expiry', async ({
  page,
  app,
  emulator,
}) => {
  await seed(emulator);
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'sas-later');
  const editor = tokenSection(page);
  await expect(editor.getByText('Expires in 40 days', { exact: true })).toBeVisible();

  await sasTokenBox(page).fill(token(`sp=l&se=${sasTime(5)}`, 'e2eTypedSig7%3D'));
  await expect(editor.getByText('Expires in 5 days', { exact: true })).toBeVisible();
  await expect(
    editor.getByText('The service needs read (r) permission to read the files.'),
  ).toBeVisible();
  await expect(editor.getByText('Browse files needs list (l) permission.')).toHaveCount(0);
  await editor.getByText('Check the SAS token').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/artifacts/sas-insight-typed.png' });

  await sasTokenBox(page).fill(token('sp=r', 'e2eTypedSig8%3D'));
  await expect(editor.getByText('No expiry date', { exact: true })).toBeVisible();
  await expect(editor.getByText('Browse files needs list (l) permission.')).toBeVisible();
  await expect(
    editor.getByText('The service needs read (r) permission to read the files.'),
  ).toHaveCount(0);

  // Emptied, the box again means "keep the saved token", and the saved token is described.
  await sasTokenBox(page).fill('');
  await expect(editor.getByText('Expires in 40 days', { exact: true })).toBeVisible();
  await expectNoSavedSignatures(page);
});

test('at the narrowest window the badge shows whole, the long name giving way, with nothing scrolling sideways', async ({
  page,
  app,
  emulator,
}) => {
  await page.setViewportSize({ width: 880, height: 560 });
  await seed(emulator);
  await useEmulatorConnection(page, app, emulator);
  const soon = badge(datasetRow(page, SOON), 'SAS expires soon');
  await expect(soon).toBeVisible();

  const grid = await datasetGrid(page).boundingBox();
  const shown = await soon.boundingBox();
  expect(grid).not.toBeNull();
  expect(shown).not.toBeNull();
  expect(shown!.x + shown!.width).toBeLessThanOrEqual(grid!.x + grid!.width);
  // The grid never scrolls sideways (overflow hidden): wider content would be cut off instead.
  expect(await datasetGrid(page).evaluate(overflowOf)).toBeLessThanOrEqual(0);
  // The name is what gives way: shown cut short, whole in its tooltip.
  expect(await datasetRow(page, SOON).getByTitle(SOON).evaluate(overflowOf)).toBeGreaterThan(0);
  const pageSideways = (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;
  expect(pageSideways).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/artifacts/sas-insight-880.png' });
});
