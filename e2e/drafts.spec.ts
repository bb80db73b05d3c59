import type { Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { crashAndRestart } from './support/app-crash';
import { listDrafts, waitForDraft } from './support/drafts';
import { fetchDataset, readDataset } from './support/emulator-http';
import {
  TEST_CONNECTION,
  button,
  connection,
  datasetRow,
  dialog,
  nameBox,
  openDataset,
  propertyValue,
  sasTokenBox,
  savedStatus,
  unsavedBadge,
  uriBox,
  useEmulatorConnection,
} from './support/ui';
import type { WebApp } from './support/web-app';

const TOKEN = 'sv=2024-05-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=draftE2eSig0123%3D';
const ADDED_URI = 'https://contosovisiondata.blob.core.windows.net/flowers/coco/test.json';
const KEPT_HINT = /token you typed is kept safely/;

function kindSelect(page: Page) {
  return page.getByRole('combobox', { name: 'Annotation kind' });
}

function sasChoice(page: Page) {
  return page
    .getByRole('radiogroup', { name: 'Storage authentication' })
    .getByRole('radio', { name: 'SAS token' });
}

function restoredNotice(page: Page) {
  return page.getByText(/^Restored unsaved edits from your last session/);
}

/** The same browser tab, now on the restarted app (the old page would ask before leaving). */
async function reopen(page: Page, app: WebApp): Promise<void> {
  page.on('dialog', (d) => void d.accept());
  await page.goto(app.url);
}

test('edits survive a crash: restored over the version they began from, token kept, then saved', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'flowers-classification');
  await openDataset(page, 'flowers-classification');
  await kindSelect(page).selectOption({ label: 'Image object detection' });
  await button(page, 'Add URI').click();
  await uriBox(page, 3).fill(ADDED_URI);
  await sasChoice(page).click();
  await sasTokenBox(page).fill(TOKEN);
  const draft = await waitForDraft(
    app,
    'flowers-classification',
    (d) => d.hasSasToken && JSON.stringify(d.values).includes(ADDED_URI),
  );
  expect(draft.base?.eTag).toBe(before.eTag);
  expect(JSON.stringify(draft)).not.toContain('draftE2eSig');

  const restarted = await crashAndRestart(app);
  try {
    await reopen(page, restarted);
    await expect(restoredNotice(page)).toContainText('flowers-classification (E2E emulator)');
    await expectNoViolations(page);
    await connection(page, TEST_CONNECTION).click();
    await openDataset(page, 'flowers-classification');
    await expect(unsavedBadge(page)).toBeVisible();
    await expect(kindSelect(page)).toHaveValue('imageObjectDetection');
    await expect(uriBox(page, 3)).toHaveValue(ADDED_URI);
    await expect(sasChoice(page)).toBeChecked();
    // The token itself never comes back to the page: the box is empty and says it is kept.
    await expect(sasTokenBox(page)).toHaveValue('');
    await expect(page.getByText(KEPT_HINT)).toBeVisible();
    // The save is guarded by the version the edits began from.
    await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(before.eTag);

    await button(page, 'Save').click();
    await expect(savedStatus(page)).toHaveText('Saved');
    await expect(restoredNotice(page)).toBeHidden();
    const saved = await readDataset(emulator, 'flowers-classification');
    expect(saved).toMatchObject({
      annotationKind: 'imageObjectDetection',
      annotationFileUris: [...before.annotationFileUris, ADDED_URI],
      authentication: { kind: 'sas', sasToken: TOKEN },
      customProperties: before.customProperties,
    });
    await expect(sasTokenBox(page)).toHaveValue('');
    expect(await listDrafts(restarted)).toEqual([]);
  } finally {
    await restarted.stop();
  }
});

test('a new dataset survives a crash too, and registers with the token typed before it', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await button(page, 'New dataset').click();
  await nameBox(page).fill('orchids');
  await uriBox(page, 1).fill('https://contosovisiondata.blob.core.windows.net/orchids/coco.json');
  await sasChoice(page).click();
  await sasTokenBox(page).fill(TOKEN);
  await waitForDraft(app, null, (d) => d.hasSasToken && d.values['name'] === 'orchids');

  const restarted = await crashAndRestart(app);
  try {
    await reopen(page, restarted);
    await expect(restoredNotice(page)).toContainText('a new dataset (E2E emulator)');
    await connection(page, TEST_CONNECTION).click();
    await button(page, 'New dataset').click();
    await expect(nameBox(page)).toHaveValue('orchids');
    await expect(uriBox(page, 1)).toHaveValue(
      'https://contosovisiondata.blob.core.windows.net/orchids/coco.json',
    );
    await expect(unsavedBadge(page)).toBeVisible();
    await expect(page.getByText(KEPT_HINT)).toBeVisible();

    await button(page, 'Save').click();
    await expect(page.getByRole('heading', { name: 'orchids' })).toBeVisible();
    expect((await readDataset(emulator, 'orchids')).authentication).toEqual({
      kind: 'sas',
      sasToken: TOKEN,
    });
    expect(await listDrafts(restarted)).toEqual([]);
  } finally {
    await restarted.stop();
  }
});

test('discarded edits are not restored: by Discard changes, by leaving them, or when broken', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await propertyValue(page, 1).fill('olympics');
  await waitForDraft(app, 'wildlife-camera-traps', (d) =>
    JSON.stringify(d.values).includes('olympics'),
  );
  await button(page, 'Discard changes').click();
  await expect(propertyValue(page, 1)).toHaveValue('cascades');
  await expect.poll(() => listDrafts(app)).toEqual([]);

  await openDataset(page, 'invoice-logos');
  await uriBox(page, 1).fill('https://contosofinance.blob.core.windows.net/documents/v2.json');
  await waitForDraft(app, 'invoice-logos', (d) => JSON.stringify(d.values).includes('v2.json'));
  await datasetRow(page, 'pcb-defect-detection').click();
  await button(dialog(page, 'Discard unsaved changes?'), 'Discard').click();
  await expect(nameBox(page)).toHaveValue('pcb-defect-detection');
  await expect.poll(() => listDrafts(app)).toEqual([]);

  const restarted = await crashAndRestart(app);
  try {
    await reopen(page, restarted);
    await connection(page, TEST_CONNECTION).click();
    // The editor opens only once the drafts are read, so by now a notice would show.
    await openDataset(page, 'invoice-logos');
    await expect(uriBox(page, 1)).toHaveValue(
      'https://contosofinance.blob.core.windows.net/documents/logos/coco/annotations.json',
    );
    await expect(unsavedBadge(page)).toBeHidden();
    await expect(restoredNotice(page)).toHaveCount(0);
    expect(
      (await fetchDataset(emulator, 'wildlife-camera-traps')).dataset?.customProperties,
    ).toEqual({
      region: 'cascades',
      license: 'CC-BY-4.0',
    });

    // A draft the form cannot take (written by who knows what) is dropped, and the user told.
    const connections = await restarted.call<{ value: { id: string; name: string }[] }>(
      'connections:list',
    );
    const connectionId = connections.value.find((c) => c.name === TEST_CONNECTION)?.id;
    const broken = await restarted.call<{ ok: boolean }>('drafts:save', {
      connectionId,
      datasetName: null,
      base: null,
      values: { annotationKind: 'video', uris: 'not a list' },
    });
    expect(broken.ok).toBe(true);
    await page.reload();
    await expect(
      page.getByText(/could not be read and were dropped: a new dataset \(E2E emulator\)/),
    ).toBeVisible();
    await connection(page, TEST_CONNECTION).click();
    await button(page, 'New dataset').click();
    await expect(nameBox(page)).toHaveValue('');
    await expect(unsavedBadge(page)).toBeHidden();
    expect(await listDrafts(restarted)).toEqual([]);
  } finally {
    await restarted.stop();
  }
});
