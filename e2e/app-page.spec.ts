import { expect, test } from './support/fixtures';

test('browser mode serves the app, and its token leaves the address bar', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.reload();
  await expect(page).toHaveTitle('Dataset Manager');
  await expect(page.getByRole('heading', { name: 'Dataset Manager' })).toBeVisible();
  expect(page.url()).not.toContain(app.token);
  expect(errors).toEqual([]);
});
