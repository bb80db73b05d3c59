import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import type { DatasetManagerApi } from '../../shared/ipc/contract';
import { button, openDataset, savedStatus } from '../support/ui';

const repo = resolve(import.meta.dirname, '..', '..');

const executablePath = findElectronBinary();
// Skipped, not left out, where there is no binary: the run's count shows the test did not run.
test.skip(
  !executablePath,
  'No Electron binary in node_modules/electron/dist (`npx install-electron` fetches it where the internet is reachable).',
);

test('the desktop app starts isolated and saves a dataset from its editor', async () => {
  if (!executablePath) throw new Error('unreachable: skipped above without a binary');
  const userData = mkdtempSync(join(tmpdir(), 'dm-electron-'));
  const app = await electron.launch({
    executablePath,
    // The project folder as the app: Electron reads package.json's main (out/main/index.js).
    args: [repo, `--user-data-dir=${userData}`, '--no-sandbox'],
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Dataset Manager');
    // The page has no Node and no raw IPC: only the named API.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );

    // Save through the UI: the Local emulator is there from the first start.
    await openDataset(page, 'wildlife-camera-traps');
    await page
      .getByRole('combobox', { name: 'Annotation kind' })
      .selectOption({ label: 'Image object detection' });
    await button(page, 'Save').click();
    await expect(savedStatus(page)).toBeVisible();

    // And read it back through the preload's named API, as the page sees the service.
    const again = await page.evaluate(() =>
      (globalThis as unknown as { datasetManager: DatasetManagerApi }).datasetManager.getDataset({
        connectionId: 'local-emulator',
        name: 'wildlife-camera-traps',
      }),
    );
    expect(again).toMatchObject({ ok: true, value: { annotationKind: 'imageObjectDetection' } });
  } finally {
    await app.close();
  }
});
