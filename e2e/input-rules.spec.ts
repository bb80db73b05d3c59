import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readDataset } from './support/emulator-http';
import {
  button,
  nameBox,
  openDataset,
  propertyName,
  propertyValue,
  savedStatus,
  uriBox,
  uriBoxes,
  useEmulatorConnection,
} from './support/ui';

const file = (n: number) => `https://contosoroads.blob.core.windows.net/signs/coco/part-${n}.json`;

/** What the browser hands the page when a user pastes `text` into the focused box. */
async function paste(box: Locator, text: string): Promise<void> {
  await box.focus();
  await box.evaluate((element, pasted) => {
    // The page's own constructors; the e2e programs are compiled without DOM types.
    const page = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => Event;
    };
    const data = new page.DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(
      new page.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('pasting several addresses fills one row each, and what does not fit is kept to copy', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await button(page, 'New dataset').click();
  await nameBox(page).fill('pasted-signs');

  await paste(uriBox(page, 1), `${file(1)}\n${file(2)}\r\n${file(3)}\n`);
  await expect(uriBoxes(page)).toHaveCount(3);
  await expect(uriBox(page, 1)).toHaveValue(file(1));
  await expect(uriBox(page, 2)).toHaveValue(file(2));
  await expect(uriBox(page, 3)).toHaveValue(file(3));

  // Nine more after row 3: seven fit under the limit of ten, two are left out but shown.
  const more = [4, 5, 6, 7, 8, 9, 10, 11, 12].map(file);
  await paste(uriBox(page, 3), more.join(', '));
  await expect(uriBoxes(page)).toHaveCount(10);
  await expect(uriBox(page, 10)).toHaveValue(file(10));
  await expect(
    page.getByRole('status').filter({ hasText: '2 pasted addresses were not added' }),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'URIs not added' })).toHaveValue(
    `${file(11)}\n${file(12)}`,
  );

  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');
  const saved = await readDataset(emulator, 'pasted-signs');
  expect(saved.annotationFileUris).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(file));
});

test('plain http off this machine, a signed URL, a repeated address and a blank property name are refused', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  await openDataset(page, 'flowers-classification');
  const first = await uriBox(page, 1).inputValue();

  await uriBox(page, 1).fill('http://contosovisiondata.blob.core.windows.net/flowers/train.json');
  await expect(uriBox(page, 1)).toHaveAccessibleDescription(/Use https/);
  await expect(button(page, 'Save')).toBeDisabled();
  // A local storage emulator (Azurite) is the one place plain http is fine.
  await uriBox(page, 1).fill('http://127.0.0.1:10000/devstoreaccount1/flowers/train.json');
  await expect(uriBox(page, 1)).not.toHaveAccessibleDescription(/Use https/);
  // A signed URL: the token belongs under Storage authentication, not in the address.
  await uriBox(page, 1).fill(`${first}?sv=2024-05-04&sp=r&sig=c2lnbmF0dXJl`);
  await expect(uriBox(page, 1)).toHaveAccessibleDescription(/carries a SAS token/);
  await expect(button(page, 'Save')).toBeDisabled();
  await uriBox(page, 1).fill(first);

  await uriBox(page, 2).fill(first);
  await expect(uriBox(page, 2)).toHaveAccessibleDescription(/Same as row 1/);
  await expect(button(page, 'Save')).toBeDisabled();
  await button(page, 'Remove URI 2').click();

  await propertyName(page, 1).fill('   ');
  await expect(propertyName(page, 1)).toHaveAccessibleDescription(/cannot be spaces alone/);
  await expect(button(page, 'Save')).toBeDisabled();
  // The row keeps its value while the name is wrong; spaces around a name are dropped on save.
  await expect(propertyValue(page, 1)).toHaveValue('botany');
  await propertyName(page, 1).fill('  department  ');
  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');
  const saved = await readDataset(emulator, 'flowers-classification');
  expect(saved.annotationFileUris).toEqual([first]);
  expect(Object.keys(saved.customProperties ?? {})).toContain('department');
  expect(Object.keys(saved.customProperties ?? {})).not.toContain('team');
});
