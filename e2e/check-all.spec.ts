import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import type { RunningEmulator } from '../emulator/server';
import { BROKEN_FILE, sampleCocoFile } from '../emulator/storage/sample-files';
import type { DatasetFields } from '../shared/contract/dataset';
import { expectNoViolations } from './support/axe';
import { putDataset } from './support/emulator-http';
import { EMULATOR_KEY, expect, test } from './support/fixtures';
import { containerSas, uploadBlob, uploadSamples } from './support/storage';
import {
  button,
  datasetGrid,
  datasetRow,
  sidewaysOverflow,
  useEmulatorConnection,
} from './support/ui';

/*
 * `Check all datasets` checks every dataset of the connection with its saved access, a few at
 * a time, and each row of the list shows what its check found; an unchanged dataset keeps its
 * result without its files being read again.
 */

/** An emulator of our own, with no sample datasets: the list is exactly what the test puts. */
async function emptyEmulator(): Promise<RunningEmulator> {
  return startEmulator({ port: 0, key: EMULATOR_KEY });
}

const detection = (
  uri: string,
  authentication: DatasetFields['authentication'],
): DatasetFields => ({
  annotationKind: 'imageObjectDetection',
  annotationFileUris: [uri],
  ...(authentication && { authentication }),
});

/** The result badge and the sentence behind it, in a dataset's row. */
function result(page: Page, name: string): Locator {
  return datasetRow(page, name);
}

function runStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /^(Checked|Stopped after) / });
}

/** Reaches `Check all datasets` from the filter box by keyboard, and presses it. */
async function checkAllByKeyboard(page: Page) {
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter datasets' })).toBeFocused();
  // Refresh, New dataset, then Check all datasets.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(button(page, 'Check all datasets')).toBeFocused();
  await page.keyboard.press('Enter');
}

test('every row shows its result, and a second run reads only what changed, at 880 x 560', async ({
  page,
  app,
  azurite,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 880, height: 560 });
  const emulator = await emptyEmulator();
  try {
    const container = 'check-all';
    const containerUrl = await uploadSamples(azurite, container);
    const sas = { kind: 'sas' as const, sasToken: containerSas(azurite, container, 'read-only') };
    const valid = sampleCocoFile('imageObjectDetection', ['bottle'], containerUrl, 'e2e');
    const validUri = await uploadBlob(azurite, container, 'coco/valid.json', JSON.stringify(valid));
    const changingUri = await uploadBlob(
      azurite,
      container,
      'coco/changing.json',
      JSON.stringify(valid),
    );
    // A category no annotation uses: a warning, not an error.
    const spare = { ...valid, categories: [...valid.categories, { id: 2, name: 'spare' }] };
    const warningUri = await uploadBlob(
      azurite,
      container,
      'coco/spare-category.json',
      JSON.stringify(spare),
    );
    await putDataset(emulator, 'all-valid', detection(validUri, sas));
    await putDataset(emulator, 'all-changing', detection(changingUri, sas));
    await putDataset(emulator, 'all-broken', detection(`${containerUrl}/${BROKEN_FILE}`, sas));
    await putDataset(
      emulator,
      'all-missing',
      detection(`${containerUrl}/coco/not-there.json`, sas),
    );
    await putDataset(emulator, 'all-warnings', detection(warningUri, sas));
    await putDataset(emulator, 'all-managed', detection(validUri, { kind: 'managedIdentity' }));

    await useEmulatorConnection(page, app, emulator);
    await expect(datasetRow(page, 'all-valid')).toBeVisible();
    await checkAllByKeyboard(page);

    await expect(runStatus(page)).toHaveText(
      'Checked 6 datasets: 2 OK, 1 with warnings, 1 with errors, 1 unreachable, 1 not checked.',
    );
    await expect(result(page, 'all-valid').getByText('OK', { exact: true })).toBeVisible();
    await expect(result(page, 'all-changing').getByText('OK', { exact: true })).toBeVisible();
    await expect(result(page, 'all-broken').getByText(/^\d+ errors$/)).toBeVisible();
    await expect(
      result(page, 'all-missing').getByText('Unreachable', { exact: true }),
    ).toBeVisible();
    await expect(result(page, 'all-missing')).toContainText('not-there.json could not be read');
    await expect(result(page, 'all-warnings').getByText(/^\d+ warnings?$/)).toBeVisible();
    // The why is the badge's title (and read out with the row).
    await expect(
      result(page, 'all-managed').getByTitle(/managed identity, which this app cannot use/),
    ).toHaveText('Not checked');
    // Nothing of a token reaches the page.
    expect(await page.content()).not.toContain('sig=');

    const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await expectNoViolations(page);

    // One file changes in Blob Storage; the rest stay as they were.
    await uploadBlob(
      azurite,
      container,
      'coco/changing.json',
      JSON.stringify({ ...valid, images: valid.images.map((image) => ({ ...image, id: 0 })) }),
    );
    await checkAllByKeyboard(page);
    await expect(runStatus(page)).toHaveText(
      'Checked 6 datasets: 1 OK, 1 with warnings, 2 with errors, 1 unreachable, 1 not checked. 3 datasets unchanged since last check.',
    );
    for (const kept of ['all-valid', 'all-broken', 'all-warnings']) {
      await expect(result(page, kept)).toContainText('unchanged since last check');
    }
    // The changed file was read again: its new problems show, and nothing was kept.
    await expect(result(page, 'all-changing').getByText(/^\d+ errors?$/)).toBeVisible();
    await expect(result(page, 'all-changing')).not.toContainText('unchanged since last check');
    // A file that could not be read is tried again, never taken from the last run.
    await expect(result(page, 'all-missing')).not.toContainText('unchanged since last check');
  } finally {
    await emulator.close();
  }
});

/** A storage endpoint that takes requests and never answers: a run waits on it until Stop. */
async function silentStorage(): Promise<{ server: Server; blobEndpoint: string }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, blobEndpoint: `http://127.0.0.1:${port}/devstoreaccount1` };
}

test('Stop halts a run that waits on slow storage; rows not done say so', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 880, height: 560 });
  const emulator = await emptyEmulator();
  const slow = await silentStorage();
  try {
    const names = [1, 2, 3, 4, 5].map((n) => `slow-${n}`);
    for (const name of names) {
      await putDataset(
        emulator,
        name,
        detection(`${slow.blobEndpoint}/data/${name}.json`, { kind: 'none' }),
      );
    }
    await useEmulatorConnection(page, app, emulator);
    await expect(datasetRow(page, 'slow-1')).toBeVisible();
    await checkAllByKeyboard(page);

    await expect(page.getByText('0 of 5 datasets checked', { exact: true })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Checking datasets' })).toBeVisible();
    // Three at a time: the other two wait their turn.
    await expect(datasetGrid(page).getByText('Checking…', { exact: true })).toHaveCount(3);
    await expectNoViolations(page);

    // The next stop after the button, by keyboard.
    await page.keyboard.press('Tab');
    await expect(button(page, 'Stop')).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(runStatus(page)).toHaveText('Stopped after 0 of 5 datasets: 5 stopped.');
    await expect(button(page, 'Stop')).toHaveCount(0);
    await expect(button(page, 'Check all datasets')).toBeFocused();
    for (const name of names) {
      await expect(
        result(page, name).getByTitle('Stopped before this dataset was checked.'),
      ).toHaveText('Stopped');
    }
  } finally {
    slow.server.closeAllConnections();
    await new Promise<void>((resolve) => slow.server.close(() => resolve()));
    await emulator.close();
  }
});
