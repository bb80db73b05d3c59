import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import type { DatasetManagerApi } from '../../shared/ipc/contract';

const repo = resolve(import.meta.dirname, '..', '..');

test('the desktop app starts isolated and saves a dataset through IPC', async () => {
  const executablePath = findElectronBinary();
  if (!executablePath) throw new Error('This project runs only where an Electron binary exists.');
  const userData = mkdtempSync(join(tmpdir(), 'dm-electron-'));
  const app = await electron.launch({
    executablePath,
    args: [join(repo, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`, '--no-sandbox'],
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

    const saved = await page.evaluate(async () => {
      const api = (globalThis as unknown as { datasetManager: DatasetManagerApi }).datasetManager;
      const listing = await api.startDatasetListing({ connectionId: 'local-emulator' });
      if (!listing.ok) return listing;
      const first = listing.value.items[0]!;
      const updated = await api.updateDataset({
        connectionId: 'local-emulator',
        name: first.name,
        ifMatch: first.eTag,
        changes: { customProperties: { reviewedBy: 'electron-e2e' } },
      });
      const again = await api.getDataset({ connectionId: 'local-emulator', name: first.name });
      return { updated, again };
    });
    expect(saved).toMatchObject({
      updated: { ok: true },
      again: { ok: true, value: { customProperties: { reviewedBy: 'electron-e2e' } } },
    });
  } finally {
    await app.close();
  }
});
