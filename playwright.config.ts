import { defineConfig } from '@playwright/test';
import { CHROMIUM_HELP, findChromium } from './scripts/find-chromium.mjs';
import { findElectronBinary } from './scripts/electron-binary.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_HELP);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    // The desktop app itself, wherever an Electron binary exists (scripts/e2e.mjs says when not).
    ...(findElectronBinary() ? [{ name: 'electron', testMatch: /electron\/.*\.spec\.ts/ }] : []),
    {
      name: 'chromium',
      testIgnore: /electron\//,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath,
          // As root Chromium needs --no-sandbox; the rest keep it off this machine's closed network.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
