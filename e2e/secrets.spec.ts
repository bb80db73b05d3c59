import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Dataset } from '../shared/contract/dataset';
import { API_VERSION, DATASETS_PATH, SUBSCRIPTION_KEY_HEADER } from '../shared/contract/limits';
import { SAMPLE_SAS_TOKEN } from '../emulator/seed-datasets';
import { startEmulator } from '../emulator/server';
import { expect, test } from './support/fixtures';
import { waitForDraft } from './support/drafts';
import { filesUnder, findSecrets, pageLeftovers, signatureOf } from './support/page-leftovers';
import {
  button,
  connection,
  dialog,
  nameBox,
  openDataset,
  sasTokenBox,
  savedStatus,
  uriBox,
} from './support/ui';

const CONNECTION = 'Secret keeper';

function random(): string {
  return randomBytes(12).toString('hex');
}

function sasChoice(page: Page) {
  return page
    .getByRole('radiogroup', { name: 'Storage authentication' })
    .getByRole('radio', { name: 'SAS token' });
}

test('no subscription key or SAS token ever reaches the page, its storage or the data folder', async ({
  page,
  app,
}) => {
  test.slow();
  const key = `k-${random()}`;
  const typedToken = `sv=2024-05-04&ss=b&srt=co&sp=rl&se=2031-01-01T00:00:00Z&sig=typed${random()}%2B%3D`;
  const draftToken = `sv=2024-05-04&ss=b&sp=r&se=2031-01-01T00:00:00Z&sig=draft${random()}%3D`;
  const own = await startEmulator({ port: 0, key, seed: true });
  const answers: Promise<string>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      answers.push(response.text().then((text) => `${response.url()}\n${text}`));
    }
  });
  page.on('dialog', (d) => void d.accept());

  try {
    // The key is typed once, tested, saved; from then on the page only ever says "a key is kept".
    await button(page, 'Add connection').click();
    const add = dialog(page, 'Add connection');
    await add.getByLabel('Name').fill(CONNECTION);
    await add.getByLabel('Endpoint').fill(own.url);
    await add.getByLabel('Subscription key').fill(key);
    await button(add, 'Test connection').click();
    await expect(add.getByRole('status')).toContainText('Connection works');
    await button(add, 'Save').click();
    await expect(add).toBeHidden();

    await openDataset(page, 'retail-shelf-products');
    await expect(page.getByText('A token is saved; type a new one to replace it.')).toBeVisible();

    await openDataset(page, 'wildlife-camera-traps');
    await sasChoice(page).click();
    await sasTokenBox(page).fill(typedToken);
    await button(page, 'Show token').click();
    await button(page, 'Save').click();
    await expect(savedStatus(page)).toHaveText('Saved');
    // Saved means gone from the page: the box is empty and says a token is kept.
    await expect(sasTokenBox(page)).toHaveValue('');
    const saved = await fetch(
      `${own.url}${DATASETS_PATH}/wildlife-camera-traps?api-version=${API_VERSION}`,
      { headers: { [SUBSCRIPTION_KEY_HEADER]: key } },
    );
    expect(((await saved.json()) as Dataset).authentication).toEqual({
      kind: 'sas',
      sasToken: typedToken,
    });

    await page.reload();
    await connection(page, CONNECTION).click();
    await openDataset(page, 'wildlife-camera-traps');
    await expect(page.getByText('A token is saved; type a new one to replace it.')).toBeVisible();

    await button(page, 'Edit connection').click();
    const edit = dialog(page, 'Edit connection');
    await expect(edit.getByLabel('Subscription key')).toHaveValue('');
    await button(edit, 'Test connection').click();
    await expect(edit.getByRole('status')).toContainText('Connection works');
    await button(edit, 'Cancel').click();
    await expect(edit).toBeHidden();

    await button(page, 'Delete dataset').click();
    const remove = dialog(page, 'Delete dataset?');
    await expect(remove).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(remove).toBeHidden();

    // A token typed into a new dataset is kept with its draft, in main, while the page reloads.
    await button(page, 'New dataset').click();
    await nameBox(page).fill('secret-orchids');
    await uriBox(page, 1).fill('https://contosovisiondata.blob.core.windows.net/orchids/coco.json');
    await sasChoice(page).click();
    await sasTokenBox(page).fill(draftToken);
    await waitForDraft(app, null, (d) => d.hasSasToken);
    await page.reload();
    await connection(page, CONNECTION).click();
    await button(page, 'New dataset').click();
    await expect(nameBox(page)).toHaveValue('secret-orchids');
    await expect(page.getByText(/token you typed is kept safely/)).toBeVisible();
    await expect(sasTokenBox(page)).toHaveValue('');

    const secrets = {
      'subscription key': key,
      'typed SAS token': typedToken,
      'its signature': signatureOf(typedToken),
      'draft SAS token': draftToken,
      'the draft token’s signature': signatureOf(draftToken),
      'seeded SAS token': SAMPLE_SAS_TOKEN,
      'the seeded signature': signatureOf(SAMPLE_SAS_TOKEN),
    };
    const leftovers = {
      'bridge answers': (await Promise.all(answers)).join('\n'),
      ...(await pageLeftovers(page)),
      ...filesUnder(app.dataDir),
    };
    // The checks can see: the page did receive datasets, and the data folder holds the draft.
    expect(leftovers['bridge answers']).toContain('retail-shelf-products');
    expect(Object.keys(leftovers).some((where) => where.includes('drafts.json'))).toBe(true);
    expect(findSecrets(leftovers, secrets)).toEqual([]);
  } finally {
    await own.close();
  }
});
