import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { startWebApp } from './support/web-app';

test('what the app must tell at start shows in a bar that can be dismissed', async ({ page }) => {
  // A settings file damaged by a crash mid-write: the app starts anyway and says so.
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-e2e-notice-'));
  writeFileSync(join(dataDir, 'settings.json'), '{"connections": [');
  const app = await startWebApp(dataDir);
  try {
    await page.goto(app.url);
    const notice = page.getByRole('group').filter({ hasText: 'was damaged and could not be read' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('saved connections and keys must be added again');
    // The app is usable underneath.
    await expect(page.getByRole('grid', { name: 'Datasets' })).toBeVisible();

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
  } finally {
    await app.stop();
  }
});
