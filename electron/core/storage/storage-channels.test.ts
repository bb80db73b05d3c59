import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cocoText } from '../../../shared/coco/fixtures';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { Result } from '../../../shared/ipc/errors';
import type { BrowseListing, CheckProgress } from '../../../shared/storage/check-contract';
import { startTestStorage } from '../../test-support/azurite-blobs';
import type { TestStorage } from '../../test-support/azurite-blobs';
import { createAppServices } from '../app-services';
import type { AppServices } from '../app-services';
import { createKeyFileCipher } from '../secrets/key-file-cipher';
import { openConfStore } from '../settings/settings-store';

/*
 * The four storage channels through the real dispatcher and handler table (browser mode's
 * composition), reading from Azurite with tokens saved on the Local emulator, kept with a
 * draft, or typed. Every answer is checked for the tokens' signatures.
 */

let storage: TestStorage;
let services: AppServices;
let base = '';
let trainUrl = '';
/** Every request the app sent to Blob Storage (or anywhere but the datasets emulator). */
const sent: string[] = [];
/** Every answer, to look for signatures in. */
const answers: string[] = [];
const signatures: string[] = [];

const LOCAL = 'local-emulator';

async function call<T>(channel: string, payload: unknown): Promise<Result<T>> {
  const result = (await services.dispatch(channel, payload)) as Result<T>;
  answers.push(JSON.stringify(result));
  return result;
}

function token(permissions: string, options?: Parameters<TestStorage['sas']>[2]): string {
  const made = storage.sas('data', permissions, options);
  signatures.push(new URLSearchParams(made).get('sig')!);
  return made;
}

async function untilDone(first: Result<CheckProgress>): Promise<CheckProgress> {
  if (!first.ok) throw new Error(`the check did not start: ${first.error.message}`);
  let progress = first.value;
  while (progress.state === 'running') {
    const next = await call<CheckProgress>('checks:progress', { checkId: progress.checkId });
    if (!next.ok) throw new Error(next.error.message);
    progress = next.value;
  }
  return progress;
}

beforeAll(async () => {
  storage = await startTestStorage();
  base = storage.containerUrl('data');
  for (const n of [1, 2]) {
    await storage.upload('data', `images/${String(n).padStart(6, '0')}.jpg`, `jpeg ${n}`);
  }
  trainUrl = await storage.upload(
    'data',
    'coco/train.json',
    cocoText({ kind: 'imageObjectDetection', images: 2, categories: 1, baseUrl: base }),
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-storage-channels-'));
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  let emulatorOrigin = '';
  services = await createAppServices({
    mode: 'browser',
    version: '0.0.0',
    dataDir,
    store: openConfStore(dataDir, 'settings'),
    draftsStore: openConfStore(dataDir, 'drafts'),
    cipher: cipher.value,
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(emulatorOrigin)) sent.push(url);
      return fetch(input, init);
    },
  });
  emulatorOrigin = new URL(services.localEmulator!.emulator.url).origin;
}, 120_000);

afterAll(async () => {
  await services?.close();
  await storage?.stop();
});

describe('the storage channels', () => {
  it('browses a container with a typed token, and refuses one that cannot list', async () => {
    const listing = await call<BrowseListing>('storage:browse', {
      connectionId: LOCAL,
      datasetName: null,
      location: trainUrl,
      access: { kind: 'sas', source: 'typed', sasToken: token('rl') },
    });
    expect(listing).toMatchObject({
      ok: true,
      value: { prefix: 'coco/', blobs: [expect.objectContaining({ uri: trainUrl })] },
    });
    const refused = await call('storage:browse', {
      connectionId: LOCAL,
      datasetName: null,
      location: trainUrl,
      access: { kind: 'sas', source: 'typed', sasToken: token('r') },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'storage', code: 'noListPermission' },
    });
  });

  it('checks with the dataset’s saved token, fetched in main, and sends it nowhere else', async () => {
    const registered = await call<RedactedDataset>('datasets:register', {
      connectionId: LOCAL,
      name: 'azurite-coco',
      fields: {
        annotationKind: 'imageObjectDetection',
        annotationFileUris: [trainUrl],
        authentication: { kind: 'sas', sasToken: token('rl') },
      },
    });
    expect(registered.ok).toBe(true);
    const owner = { connectionId: LOCAL, datasetName: 'azurite-coco' };
    const saved = { kind: 'sas', source: 'saved' } as const;

    const progress = await untilDone(
      await call<CheckProgress>('checks:start', {
        ...owner,
        kind: 'imageObjectDetection',
        purpose: 'training',
        uris: [trainUrl],
        access: saved,
        images: 'sample',
      }),
    );
    expect(progress).toMatchObject({
      state: 'done',
      files: [
        { state: 'done', report: { errorCount: 0 }, images: { checked: 2, unreachableTotal: 0 } },
      ],
    });

    // The page names an address on another account: the saved token is not sent there.
    sent.length = 0;
    const elsewhere = `http://localhost:${storage.azurite.port}/devstoreaccount1/data/coco/train.json`;
    const refused = await untilDone(
      await call<CheckProgress>('checks:start', {
        ...owner,
        kind: 'imageObjectDetection',
        purpose: 'training',
        uris: [elsewhere],
        access: saved,
        images: 'sample',
      }),
    );
    expect(refused.files[0]).toMatchObject({
      state: 'failed',
      problem: { message: expect.stringContaining('is sent only to the storage accounts') },
    });
    const browse = await call('storage:browse', { ...owner, location: elsewhere, access: saved });
    expect(browse).toMatchObject({ ok: false, error: { kind: 'storage' } });
    expect(sent).toEqual([]);
  });

  it('checks with the token kept with a draft, for the accounts the draft names', async () => {
    const draft = { connectionId: LOCAL, datasetName: null };
    expect(
      await call('drafts:save', {
        ...draft,
        base: null,
        values: { name: 'new-one', annotationFileUris: [{ value: trainUrl }] },
        sasToken: token('r'),
      }),
    ).toMatchObject({ ok: true });
    const progress = await untilDone(
      await call<CheckProgress>('checks:start', {
        ...draft,
        kind: 'imageObjectDetection',
        purpose: 'evaluation',
        uris: [trainUrl],
        access: { kind: 'sas', source: 'draft' },
        images: 'all',
      }),
    );
    expect(progress).toMatchObject({
      state: 'done',
      purpose: 'evaluation',
      files: [{ state: 'done', images: { scope: 'all', checked: 2 } }],
    });
  });

  it('explains that a managed identity needs a token typed for the check, and reads with one', async () => {
    const request = {
      connectionId: LOCAL,
      datasetName: null,
      kind: 'imageObjectDetection',
      purpose: 'training',
      uris: [trainUrl],
      images: 'sample',
    };
    const without = await untilDone(
      await call<CheckProgress>('checks:start', {
        ...request,
        access: { kind: 'managedIdentity' },
      }),
    );
    expect(without.notice).toContain('its own managed identity');
    expect(without.files[0]).toMatchObject({
      state: 'failed',
      problem: {
        code: 'managedIdentityNeedsSas',
        message: expect.stringContaining(
          'type a SAS token with Read (r) permission for this check',
        ),
      },
    });
    const withToken = await untilDone(
      await call<CheckProgress>('checks:start', {
        ...request,
        access: { kind: 'managedIdentity', checkSasToken: token('r') },
      }),
    );
    expect(withToken.files[0]).toMatchObject({ state: 'done' });
  });

  it('cancels a check, and tells a check that is gone', async () => {
    const started = await call<CheckProgress>('checks:start', {
      connectionId: LOCAL,
      datasetName: null,
      kind: 'imageObjectDetection',
      purpose: 'training',
      uris: [trainUrl, trainUrl, trainUrl],
      images: 'all',
      access: { kind: 'sas', source: 'typed', sasToken: token('r') },
    });
    if (!started.ok) throw new Error(started.error.message);
    const cancelled = await call<CheckProgress>('checks:cancel', {
      checkId: started.value.checkId,
    });
    expect(cancelled).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    const after = await call<CheckProgress>('checks:progress', { checkId: started.value.checkId });
    expect(after).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    expect(await call('checks:progress', { checkId: 'no-such-check' })).toMatchObject({
      ok: false,
      error: {
        kind: 'badRequest',
        message: expect.stringContaining('run Check annotation files again'),
      },
    });
  });

  it('never answered with a token or a signature', () => {
    expect(signatures.length).toBeGreaterThan(5);
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) {
      expect(answer).not.toContain('sig=');
      for (const sig of signatures) {
        expect(answer).not.toContain(sig);
        expect(answer).not.toContain(encodeURIComponent(sig));
      }
    }
  });
});
