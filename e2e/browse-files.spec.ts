import { expectNoViolations } from './support/axe';
import { putDataset } from './support/emulator-http';
import { expect, test } from './support/fixtures';
import { containerSas, uploadBlob } from './support/storage';
import type { StorageAccount } from './support/storage';
import {
  button,
  dialog,
  openDataset,
  sasTokenBox,
  uriBox,
  uriBoxes,
  useEmulatorConnection,
} from './support/ui';

/*
 * `Browse files` lists the dataset's container in real Blob Storage (Azurite) with the
 * dataset's own access, and puts the JSON files picked there into the URI rows.
 */

const COCO = JSON.stringify({ images: [], annotations: [], categories: [] });

async function containerWithFolders(azurite: StorageAccount, container: string) {
  const top = await uploadBlob(azurite, container, 'top.json', COCO);
  await uploadBlob(azurite, container, 'coco/train.json', COCO);
  await uploadBlob(azurite, container, 'coco/validation.json', COCO);
  await uploadBlob(azurite, container, 'coco/notes.txt', 'not an annotation file');
  await uploadBlob(azurite, container, 'images/a.png', Buffer.from([0x89, 0x50]));
  return top;
}

test('goes into a folder, picks two files by their checkboxes and adds them as URI rows', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  await page.setViewportSize({ width: 880, height: 560 });
  const container = 'browse-pick';
  const top = await containerWithFolders(azurite, container);
  await putDataset(emulator, 'browse-pick', {
    annotationKind: 'imageObjectDetection',
    annotationFileUris: [top],
    authentication: { kind: 'sas', sasToken: containerSas(azurite, container, 'read+list') },
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'browse-pick');

  await button(page, 'Browse files').click();
  const browse = dialog(page, 'Browse files');
  // The first row's container, at the folder of its file: the top.
  await expect(browse.getByRole('checkbox', { name: 'top.json', exact: true })).toBeVisible();
  await expect(button(browse, 'Up')).toBeDisabled();
  await button(browse, 'coco/').click();

  await expect(browse.getByRole('checkbox', { name: 'coco/train.json' })).toBeVisible();
  // Only JSON files can be picked; the others are listed for context.
  await expect(browse.getByText('notes.txt', { exact: true })).toBeVisible();
  await expect(browse.getByRole('checkbox', { name: 'coco/notes.txt' })).toHaveCount(0);
  await expect(
    browse.getByRole('navigation', { name: 'Folder' }).getByRole('button', { name: 'coco' }),
  ).toBeFocused();
  await browse.getByRole('checkbox', { name: 'coco/train.json' }).check();
  await page.keyboard.press('Tab');
  await expect(browse.getByRole('checkbox', { name: 'coco/validation.json' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(browse.getByRole('status')).toHaveText('2 files selected');
  // At 880 x 560 the dialog scrolls inside, never sideways.
  const sideways = await page.evaluate<boolean>(`(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const content = document.querySelector('[role="dialog"] .fui-DialogContent');
    return root.scrollWidth > root.clientWidth || (content !== null && content.scrollWidth > content.clientWidth);
  })()`);
  expect(sideways).toBe(false);
  await expectNoViolations(page);

  await button(browse, 'Add selected').click();
  await expect(browse).toBeHidden();
  await expect(uriBoxes(page)).toHaveCount(3);
  await expect(uriBox(page, 1)).toHaveValue(top);
  await expect(uriBox(page, 2)).toHaveValue(`${azurite.blobEndpoint}/${container}/coco/train.json`);
  await expect(uriBox(page, 3)).toHaveValue(
    `${azurite.blobEndpoint}/${container}/coco/validation.json`,
  );
  await expect(page.getByText('2 annotation files added.')).toBeVisible();
  await expect(button(page, 'Browse files')).toBeFocused();
});

test('a token without List permission says so, and how to get one', async ({
  page,
  app,
  emulator,
  azurite,
}) => {
  const container = 'browse-no-list';
  const top = await containerWithFolders(azurite, container);
  await putDataset(emulator, 'browse-no-list', {
    annotationKind: 'imageObjectDetection',
    annotationFileUris: [top],
    authentication: { kind: 'sas', sasToken: containerSas(azurite, container, 'read+list') },
  });
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'browse-no-list');
  // The form's token, typed over the saved one, is what browsing uses.
  await sasTokenBox(page).fill(containerSas(azurite, container, 'read-only'));

  await button(page, 'Browse files').click();
  const browse = dialog(page, 'Browse files');
  const alert = browse.getByRole('alert');
  await expect(alert).toContainText('The files could not be listed');
  await expect(alert).toContainText('List (l) permission');
  await expect(browse.getByRole('checkbox')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(browse).toBeHidden();
  await expect(button(page, 'Browse files')).toBeFocused();
});
