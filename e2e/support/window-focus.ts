import type { Page, Response } from '@playwright/test';

/**
 * The user comes back to the app's window from another app. A headless browser never
 * switches windows (bringToFront sends nothing), so the page gets the `focus` event the
 * window would get; the app's own listener (renderer/src/query/window-focus.ts) takes it
 * from there, as in Electron and a real browser.
 */
export async function returnToWindow(page: Page): Promise<void> {
  // A string: e2e code is typed for Node, where `window` does not exist.
  await page.evaluate("window.dispatchEvent(new FocusEvent('focus'))");
}

/** Resolves with the next read of one dataset through the bridge (start waiting first). */
export function nextDatasetRead(page: Page): Promise<Response> {
  const path = `/api/${encodeURIComponent('datasets:get')}`;
  return page.waitForResponse((response) => new URL(response.url()).pathname === path);
}

/** Lets the page finish rendering what it just received: two frames. */
export async function settle(page: Page): Promise<void> {
  for (let frame = 0; frame < 2; frame += 1) {
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => done(null)))');
  }
}
