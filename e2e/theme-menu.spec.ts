import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { button } from './support/ui';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

// The theme menu's code (Fluent's Menu) is not part of the page's start code: the header paints
// a stand-in button that must not lose what the user does before the code arrives.

let app: WebApp;

test.beforeEach(async () => {
  app = await startWebApp();
});

test.afterEach(async () => {
  await app.stop();
});

/** Opens the page with the theme menu's code held back until the returned function is called. */
async function openWithMenuCodeHeld(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested!: () => void;
  const wasRequested = new Promise<void>((resolve) => (requested = resolve));
  await page.route(/\/assets\/ThemeMenuView-[^/]+\.js$/, async (route) => {
    requested();
    await released;
    await route.continue();
  });
  await page.goto(app.url);
  await wasRequested;
  return release;
}

test('a press on the theme button before its menu’s code arrives opens the menu', async ({
  page,
}) => {
  const release = await openWithMenuCodeHeld(page);
  const theme = button(page, 'Theme');
  await expect(theme).toHaveAttribute('aria-haspopup', 'menu');
  await theme.click();
  await expect(page.getByRole('menu')).toHaveCount(0);

  release();
  await expect(page.getByRole('menuitemradio', { name: 'System' })).toBeFocused();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('.fui-FluentProvider').first()).toHaveCSS(
    'background-color',
    'rgb(41, 41, 41)',
  );
});

test('focus on the theme button stays there when its menu’s code arrives', async ({ page }) => {
  const release = await openWithMenuCodeHeld(page);
  const theme = button(page, 'Theme');
  await theme.focus();

  release();
  // The menu's own trigger carries an id; the stand-in has none.
  await expect(theme).toHaveAttribute('id', /.+/);
  await expect(theme).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: 'System' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(theme).toBeFocused();
});
