import type { Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import {
  button,
  dialog,
  openDataset,
  propertyValue,
  datasetRow,
  uriBox,
  useEmulatorConnection,
} from './support/ui';

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

test.beforeEach(async ({ page }) => {
  // Dialogs and bars appear without animation, so scans and screenshots see them settled.
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('the main window, the editor and every dialog pass an accessibility scan', async ({
  page,
  app,
  emulator,
}) => {
  // Nine full scans take minutes on a busy machine, far more than one test's usual minute.
  test.setTimeout(300_000);
  await useEmulatorConnection(page, app, emulator);
  await expect(datasetRow(page, 'flowers-classification')).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'main-window');

  await openDataset(page, 'retail-shelf-products');
  await expectNoViolations(page);
  await shoot(page, 'editor');

  // Invalid input: messages next to fields are part of what must be accessible.
  await uriBox(page, 1).fill('coco/train.json');
  await expect(page.getByText('Fix the marked fields to save.')).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'editor-invalid');
  await button(page, 'Discard changes').click();

  await button(page, 'Add connection').click();
  const add = dialog(page, 'Add connection');
  await expect(add).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'dialog-add-connection');
  await button(add, 'Cancel').click();

  await button(page, 'Edit connection').click();
  const edit = dialog(page, 'Edit connection');
  await expect(edit).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'dialog-edit-connection');
  await button(edit, 'Cancel').click();

  await button(page, 'Remove connection').click();
  const remove = dialog(page, 'Remove connection?');
  await expect(remove).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'dialog-remove-connection');
  await button(remove, 'Cancel').click();

  await button(page, 'Delete dataset').click();
  const del = dialog(page, 'Delete dataset?');
  await expect(del).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'dialog-delete-dataset');
  await button(del, 'Cancel').click();

  await propertyValue(page, 1).fill('seattle-043');
  await datasetRow(page, 'invoice-logos').click();
  const unsaved = dialog(page, 'Discard unsaved changes?');
  await expect(unsaved).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'dialog-unsaved-changes');
  await button(unsaved, 'Keep editing').click();

  await button(page, 'Reload').click();
  const reload = dialog(page, 'Reload and discard your changes?');
  await expect(reload).toBeVisible();
  await expectNoViolations(page);
  await button(reload, 'Discard and reload').click();

  // F1 from the filter box: the shortcuts dialog opens even while typing.
  await page.getByRole('searchbox', { name: 'Filter datasets' }).click();
  await page.keyboard.press('F1');
  const shortcuts = dialog(page, 'Keyboard shortcuts');
  await expect(shortcuts).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'dialog-keyboard-shortcuts');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  await button(page, 'New dataset').click();
  await expect(page.getByRole('heading', { name: 'New dataset' })).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, 'new-dataset');
});

test('the window follows the system’s dark mode', async ({ page, app: _app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDataset(page, 'flowers-classification');
  const background = () =>
    page
      .getByRole('region', { name: 'Dataset editor' })
      .evaluate(
        (element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor,
      );
  const dark = await background();
  // Dark means dark: every channel low.
  expect(dark).toMatch(/^rgb\((\d{1,2}|1[0-2]\d), (\d{1,2}|1[0-2]\d), (\d{1,2}|1[0-2]\d)\)$/);
  await expectNoViolations(page);
  await shoot(page, 'editor-dark');

  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).not.toBe(dark);
  await shoot(page, 'editor-light');
});
