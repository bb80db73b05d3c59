import { deleteDataset, patchDataset } from './support/emulator-http';
import { expect, test } from './support/fixtures';
import {
  button,
  dialog,
  openDataset,
  propertyValue,
  savedStatus,
  datasetRow,
  uriBox,
  useEmulatorConnection,
} from './support/ui';

const FILTER = 'Filter datasets';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('closing Edit connection with Escape gives focus back to the button that opened it', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  const edit = button(page, 'Edit connection');
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page, 'Edit connection')).toBeVisible();
  await expect(dialog(page, 'Edit connection').locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog(page, 'Edit connection')).toBeHidden();
  await expect(edit).toBeFocused();
});

test('closing Delete dataset with Escape gives focus back to the button that opened it', async ({
  page,
  app: _app,
}) => {
  await openDataset(page, 'flowers-classification');
  const remove = button(page, 'Delete dataset');
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page, 'Delete dataset?')).toBeVisible();
  await expect(dialog(page, 'Delete dataset?').locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog(page, 'Delete dataset?')).toBeHidden();
  await expect(remove).toBeFocused();
});

test('Keep editing in the Conflict dialog gives focus back to Save, which the keyboard pressed', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'wildlife-camera-traps');
  await propertyValue(page, 1).fill('focus-test');
  // The same property changed by someone else: a true conflict.
  await patchDataset(emulator, 'wildlife-camera-traps', {
    customProperties: { region: 'rockies', license: 'MIT' },
  });
  const save = button(page, 'Save');
  await save.focus();
  await page.keyboard.press('Enter');
  const conflict = dialog(page, 'Conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.locator(':focus')).toHaveCount(1);
  await button(conflict, 'Keep editing').focus();
  await page.keyboard.press('Enter');
  await expect(conflict).toBeHidden();
  await expect(save).toBeFocused();
  await expect(propertyValue(page, 1)).toHaveValue('focus-test');
});

test('after a save that worked, focus stays on Save rather than falling to the page', async ({
  page,
  app: _app,
}) => {
  await openDataset(page, 'flowers-classification');
  await propertyValue(page, 1).fill('saved-by-keyboard');
  const save = button(page, 'Save');
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(savedStatus(page)).toHaveText('Saved');
  await expect(save).toBeFocused();
  await expect(save).toBeDisabled();
  // Tab goes on from Save (past Discard changes, off with nothing to discard), not from the top.
  await page.keyboard.press('Tab');
  await expect(button(page, 'Reload')).toBeFocused();
});

test('F1 and ? open Keyboard shortcuts, which lists every shortcut; Escape gives focus back', async ({
  page,
  app: _app,
}) => {
  const filter = page.getByRole('searchbox', { name: FILTER });
  await filter.click();

  const shortcuts = dialog(page, 'Keyboard shortcuts');
  await page.keyboard.press('F1');
  await expect(shortcuts).toBeVisible();
  for (const [action, keys] of [
    ['Save the open dataset', 'Ctrl+S'],
    ['Reload the open dataset from the service', 'Alt+R'],
    ['Refresh the datasets list', 'Alt+Shift+R'],
    ['Filter datasets', '/'],
    ['New dataset', 'Alt+N'],
    ['Show keyboard shortcuts', 'F1 ?'],
    ['Close the dialog', 'Esc'],
  ] as const) {
    await expect(shortcuts.getByRole('row', { name: action })).toContainText(keys.split(' ')[0]!);
    await expect(shortcuts.getByRole('row', { name: action })).toContainText(
      keys.split(' ').at(-1)!,
    );
  }
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect(filter).toBeFocused();

  const refresh = button(page, 'Refresh');
  await page.keyboard.press('Tab');
  await expect(refresh).toBeFocused();
  await page.keyboard.press('?');
  await expect(shortcuts).toBeVisible();
  await button(shortcuts, 'Close').click();
  await expect(shortcuts).toBeHidden();
  await expect(refresh).toBeFocused();
});

test('? typed in the filter box is a character, not the shortcuts dialog', async ({
  page,
  app: _app,
}) => {
  const filter = page.getByRole('searchbox', { name: FILTER });
  await filter.click();
  await page.keyboard.type('flowers?');
  await expect(filter).toHaveValue('flowers?');
  await expect(dialog(page, 'Keyboard shortcuts')).toHaveCount(0);
});

test('the list’s shortcuts: / filters, Alt+N starts a new dataset, Alt+R reloads', async ({
  page,
  app: _app,
}) => {
  await openDataset(page, 'flowers-classification');
  await page.keyboard.press('/');
  const filter = page.getByRole('searchbox', { name: FILTER });
  await expect(filter).toBeFocused();
  // Typed where the shortcut put the focus: `/` itself went nowhere.
  await expect(filter).toHaveValue('');

  await propertyValue(page, 1).fill('seattle-043');
  await page.keyboard.press('Alt+R');
  const reload = dialog(page, 'Reload and discard your changes?');
  await expect(reload).toBeVisible();
  await button(reload, 'Discard and reload').click();
  await expect(reload).toBeHidden();

  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'New dataset' })).toBeVisible();
});

test('Alt+Shift+R loads the datasets list again', async ({ page, app, emulator }) => {
  await useEmulatorConnection(page, app, emulator);
  await expect(datasetRow(page, 'flowers-classification')).toBeVisible();
  await deleteDataset(emulator, 'flowers-classification');
  // The list shows what it read before someone else deleted one.
  await expect(datasetRow(page, 'flowers-classification')).toBeVisible();
  await page.keyboard.press('Alt+Shift+R');
  await expect(datasetRow(page, 'flowers-classification')).toHaveCount(0);
});

test('Ctrl+S with an invalid field focuses that field', async ({ page, app: _app }) => {
  await openDataset(page, 'retail-shelf-products');
  await uriBox(page, 1).fill('coco/train.json');
  const value = propertyValue(page, 1);
  await value.click();
  await expect(value).toBeFocused();
  await page.keyboard.press('Control+s');
  await expect(uriBox(page, 1)).toBeFocused();
});

test('a tooltip shown on focus goes away when focus moves on', async ({ page, app: _app }) => {
  // The built-in emulator starts on demand; the list's first read is not what is tested.
  await expect(datasetRow(page, 'flowers-classification')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('searchbox', { name: FILTER }).click();
  await page.keyboard.press('Tab');
  await expect(button(page, 'Refresh')).toBeFocused();
  const tooltip = page.getByRole('tooltip', { name: 'Load the list again from the service' });
  await expect(tooltip).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(button(page, 'Refresh')).not.toBeFocused();
  await expect(tooltip).toBeHidden();
});

test('closing Add connection and Remove connection gives focus back to their buttons', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  for (const [opener, title, close] of [
    ['Add connection', 'Add connection', 'Escape'],
    ['Remove connection', 'Remove connection?', 'Escape'],
  ] as const) {
    const open = button(page, opener);
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page, title)).toBeVisible();
    await page.keyboard.press(close);
    await expect(dialog(page, title)).toBeHidden();
    await expect(open).toBeFocused();
  }
});
