import { defineConfig } from '@playwright/test';
import { CHROMIUM_HELP, findChromium } from './scripts/find-chromium.mjs';

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
    // The desktop app itself. Always listed, so a run without an Electron binary shows the test
    // as skipped (with the reason, from the spec) instead of losing it from the count;
    // scripts/e2e.mjs also says in one line that it did not run.
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
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
