import { test as base, expect } from '@playwright/test';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';
import { startAzurite } from '../../emulator/storage/azurite';
import type { RunningAzurite } from '../../emulator/storage/azurite';
import { startWebApp } from './web-app';
import type { WebApp } from './web-app';

export const EMULATOR_KEY = 'e2e-test-key-0123456789';

interface Fixtures {
  /** Browser mode with a fresh data folder, the page opened at its URL. */
  app: WebApp;
  /** A second, separate emulator with a known key and faults enabled, for HTTP checks. */
  emulator: RunningEmulator;
}

interface WorkerFixtures {
  /**
   * Blob Storage (Azurite, in memory) shared by a worker's tests: started once, stopped after
   * the last. Tests put blobs in containers of their own (e2e/support/storage.ts).
   */
  azurite: RunningAzurite;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  app: async ({ page }, use) => {
    const app = await startWebApp();
    await page.goto(app.url);
    await use(app);
    await app.stop();
  },
  // Playwright reads a fixture's dependencies from this pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = await startEmulator({ port: 0, key: EMULATOR_KEY, seed: true, faults: true });
    await use(emulator);
    await emulator.close();
  },
  azurite: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const azurite = await startAzurite();
      await use(azurite);
      await azurite.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

export { expect };
