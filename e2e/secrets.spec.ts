import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Dataset } from '../shared/contract/dataset';
import { API_VERSION, DATASETS_PATH, SUBSCRIPTION_KEY_HEADER } from '../shared/contract/limits';
import { SAMPLE_SAS_TOKEN } from '../emulator/seed-datasets';
import { startEmulator } from '../emulator/server';
import { expect, test } from './support/fixtures';
import { waitForDraft } from './support/drafts';
import { filesUnder, findSecrets, pageLeftovers, signatureOf } from './support/page-leftovers';
import { containerSas, uploadBlob } from './support/storage';
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

    // History keeps every version, the one with the typed token too: as a fingerprint only.
    await page.getByRole('tab', { name: 'History', exact: true }).click();
    const versions = page.getByRole('list', { name: 'Versions, newest first' });
    await expect(versions.getByRole('listitem')).not.toHaveCount(0);
    const historyView = await page.getByRole('tabpanel').innerHTML();
    await page.getByRole('tab', { name: 'Dataset', exact: true }).click();

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

    // The request log and what it copies: the saving PATCH carried the typed token.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await button(page, 'Activity').click();
    const activity = dialog(page, 'Activity');
    const saving = activity
      .getByRole('row')
      .filter({ hasText: 'PATCH' })
      .filter({ hasText: 'wildlife-camera-traps' });
    await button(saving, 'Copy as curl').click();
    await expect(activity.getByRole('status')).toHaveText('Copied the PATCH request as curl.');
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toContain('"$SAS_TOKEN"');
    const activityShown = (await activity.textContent()) ?? '';
    await page.keyboard.press('Escape');

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
      'history view': historyView,
      'copied request': copied,
      'Activity view': activityShown,
      ...(await pageLeftovers(page)),
      ...filesUnder(app.dataDir),
    };
    // The checks can see: the page did receive datasets, and the data folder holds the draft.
    expect(leftovers['bridge answers']).toContain('retail-shelf-products');
    expect(Object.keys(leftovers).some((where) => where.includes('drafts.json'))).toBe(true);
    expect(Object.keys(leftovers).some((where) => where.includes('history.db'))).toBe(true);
    expect(Object.keys(leftovers).some((where) => where.includes('activity.jsonl'))).toBe(true);
    expect(leftovers['history view']).toContain('Saved in this app');
    expect(findSecrets(leftovers, secrets)).toEqual([]);
  } finally {
    await own.close();
  }
});

/** Calls the bridge from inside the page, as its API does: the answer is what the page gets. */
async function fromPage<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  return (await page.evaluate(`(async () => {
    const token = sessionStorage.getItem('dataset-manager.bridge-token') ?? '';
    const response = await fetch('/api/' + encodeURIComponent(${JSON.stringify(channel)}), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: ${JSON.stringify(JSON.stringify(payload))},
    });
    return response.json();
  })()`)) as T;
}

interface Progress {
  ok: boolean;
  value?: { checkId: string; state: string; files: { state: string; uri: string }[] };
}

test('browsing and checking annotation files hand the page no SAS token or signed URL', async ({
  page,
  app,
  azurite,
}) => {
  test.slow();
  const container = `secrets-${random().slice(0, 8)}`;
  const image = await uploadBlob(azurite, container, 'images/1.jpg', Buffer.from([0xff, 0xd8]));
  const typedToken = containerSas(azurite, container, 'read+list');
  const savedToken = containerSas(azurite, container, 'read-only');
  // A file may itself list signed image URLs: they must come back bare.
  const coco = JSON.stringify({
    images: [
      { id: 1, width: 10, height: 10, file_name: '1.jpg', coco_url: `${image}?${typedToken}` },
      {
        id: 2,
        width: 10,
        height: 10,
        file_name: '2.jpg',
        coco_url: image.replace('1.jpg', '2.jpg'),
      },
    ],
    annotations: [
      { id: 1, image_id: 1, category_id: 1, area: 1 },
      { id: 2, image_id: 2, category_id: 1, area: 1 },
    ],
    categories: [{ id: 1, name: 'thing' }],
  });
  const file = await uploadBlob(azurite, container, 'coco/train.json', coco);
  await expect(button(page, 'Add connection')).toBeVisible();
  const answers: string[] = [];
  const record = <T>(answer: T): T => {
    answers.push(JSON.stringify(answer));
    return answer;
  };

  const listing = record(
    await fromPage<{ ok: boolean }>(page, 'storage:browse', {
      connectionId: 'local-emulator',
      datasetName: null,
      location: file,
      access: { kind: 'sas', source: 'typed', sasToken: typedToken },
    }),
  );
  expect(listing).toMatchObject({ ok: true, value: { blobs: [{ uri: file }] } });

  record(
    await fromPage(page, 'datasets:register', {
      connectionId: 'local-emulator',
      name: container,
      fields: {
        annotationKind: 'imageClassification',
        annotationFileUris: [file],
        authentication: { kind: 'sas', sasToken: savedToken },
      },
    }),
  );
  for (const access of [
    { kind: 'sas', source: 'typed', sasToken: typedToken },
    { kind: 'sas', source: 'saved' },
  ]) {
    let progress = record(
      await fromPage<Progress>(page, 'checks:start', {
        connectionId: 'local-emulator',
        datasetName: container,
        kind: 'imageClassification',
        purpose: 'training',
        uris: [file],
        access,
        images: 'all',
      }),
    );
    while (progress.ok && progress.value?.state === 'running') {
      progress = record(
        await fromPage<Progress>(page, 'checks:progress', { checkId: progress.value.checkId }),
      );
    }
    // The check did read the file and its images: there was something to leak.
    expect(progress).toMatchObject({
      ok: true,
      value: {
        state: 'done',
        files: [{ state: 'done', uri: file, images: { checked: 2, unreachableTotal: 1 } }],
      },
    });
  }

  // Every request of the log as code: the storage ones read the token from $SAS_TOKEN.
  const log = await fromPage<{ value: { entries: { id: string; service: string }[] } }>(
    page,
    'activity:list',
    {},
  );
  const storageRequests = log.value.entries.filter((e) => e.service === 'storage');
  expect(storageRequests.length).toBeGreaterThan(0);
  const code: string[] = [JSON.stringify(log)];
  for (const entry of log.value.entries) {
    for (const language of ['curl', 'powershell', 'python']) {
      code.push(
        JSON.stringify(await fromPage(page, 'activity:code', { entryId: entry.id, language })),
      );
    }
  }
  expect(code.join('\n')).toContain('$SAS_TOKEN');

  const secrets = {
    'typed SAS token': typedToken,
    'its signature': signatureOf(typedToken),
    'saved SAS token': savedToken,
    'the saved signature': signatureOf(savedToken),
  };
  const leftovers = {
    'storage answers': answers.join('\n'),
    'activity answers': code.join('\n'),
    ...(await pageLeftovers(page)),
    ...filesUnder(app.dataDir),
  };
  expect(findSecrets(leftovers, secrets)).toEqual([]);
  expect(answers.join('\n')).not.toContain('sig=');
});
