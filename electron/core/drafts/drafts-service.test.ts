import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { DraftSummary } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';
import { SAMPLE_SAS_TOKEN } from '../../../emulator/seed-datasets';
import { createAppServices } from '../app-services';
import { createDraftsService, draftSecretId, UNSAVED_EDITS_LOST } from './drafts-service';
import type { AppServices } from '../app-services';
import { createKeyFileCipher } from '../secrets/key-file-cipher';
import { createSecretVault } from '../secrets/secret-vault';
import { openStoreSafely } from '../settings/open-store-safely';
import { openConfStore, settingsFilePath } from '../settings/settings-store';

const TOKEN = 'sv=2022-11-02&ss=b&sp=rl&sig=DRAFTSECRET0123456789abcdef';
const running: AppServices[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** Browser-mode services on a data folder, as `npm run web` opens them. */
async function start(dataDir: string) {
  const drafts = openStoreSafely(
    () => openConfStore(dataDir, 'drafts'),
    settingsFilePath(dataDir, 'drafts'),
    undefined,
    UNSAVED_EDITS_LOST,
  );
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const services = await createAppServices({
    mode: 'browser',
    version: '0',
    dataDir,
    store: openConfStore(dataDir, 'settings'),
    draftsStore: drafts.store,
    cipher: cipher.value,
    fetch: globalThis.fetch,
    notices: drafts.notice ? [drafts.notice.message] : [],
  });
  running.push(services);
  const call = <T>(channel: string, payload: unknown = {}) =>
    services.dispatch(channel, payload) as Promise<Result<T>>;
  return { services, call };
}

function everyFileUnder(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

const ref = { connectionId: 'local-emulator', datasetName: 'wildlife-camera-traps' };

describe('drafts', () => {
  it('survive a restart, with the typed SAS token kept encrypted and never handed back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-drafts-'));
    const first = await start(dataDir);
    const loaded = await first.call<RedactedDataset>('datasets:get', {
      connectionId: ref.connectionId,
      name: ref.datasetName,
    });
    if (!loaded.ok) throw new Error('load failed');
    const values = { annotationKind: 'imageClassification', uris: ['relative/not-yet-valid'] };
    expect(
      await first.call('drafts:save', { ...ref, base: loaded.value, values, sasToken: TOKEN }),
    ).toMatchObject({ ok: true });
    await first.services.close();

    const second = await start(dataDir);
    const drafts = await second.call<DraftSummary[]>('drafts:list');
    expect(drafts).toMatchObject({
      ok: true,
      value: [{ ...ref, values, hasSasToken: true, base: { eTag: loaded.value.eTag } }],
    });
    expect(JSON.stringify(drafts)).not.toContain('DRAFTSECRET');
    expect(everyFileUnder(dataDir).includes('DRAFTSECRET')).toBe(false);

    // A save can use the kept token; the saved dataset then holds it and the draft is gone.
    const saved = await second.call<RedactedDataset>('datasets:update', {
      connectionId: ref.connectionId,
      name: ref.datasetName,
      ifMatch: loaded.value.eTag,
      changes: { authentication: { kind: 'sas' } },
      useDraftSasToken: true,
    });
    expect(saved).toMatchObject({ ok: true, value: { authentication: { hasSasToken: true } } });
    expect(JSON.stringify(saved)).not.toContain('DRAFTSECRET');
    expect(await second.call('drafts:list')).toEqual({ ok: true, value: [] });
    // The Local emulator's own file, in the same folder, holds the token encrypted too.
    await second.services.close();
    const onDisk = everyFileUnder(dataDir);
    expect(onDisk.includes('DRAFTSECRET')).toBe(false);
    expect(onDisk.includes(SAMPLE_SAS_TOKEN)).toBe(false);
    expect(onDisk.includes('sig=')).toBe(false);
  });

  it('asks for the token again when none is kept, and never sends "sas" without one', async () => {
    const { call } = await start(mkdtempSync(join(tmpdir(), 'dm-drafts-')));
    const loaded = await call<RedactedDataset>('datasets:get', {
      connectionId: ref.connectionId,
      name: ref.datasetName,
    });
    if (!loaded.ok) throw new Error('load failed');
    const request = {
      connectionId: ref.connectionId,
      name: ref.datasetName,
      ifMatch: loaded.value.eTag,
      changes: { authentication: { kind: 'sas' } },
    };
    expect(await call('datasets:update', request)).toMatchObject({
      ok: false,
      error: { kind: 'badRequest' },
    });
    expect(await call('datasets:update', { ...request, useDraftSasToken: true })).toMatchObject({
      ok: false,
      error: { kind: 'keyUnavailable' },
    });
  });

  it('are dropped on discard, token included', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-drafts-'));
    const { call } = await start(dataDir);
    await call('drafts:save', { ...ref, base: null, values: { a: 1 }, sasToken: TOKEN });
    expect(await call('drafts:discard', ref)).toEqual({ ok: true, value: null });
    expect(await call('drafts:list')).toEqual({ ok: true, value: [] });
    expect(
      await call('datasets:update', {
        connectionId: ref.connectionId,
        name: ref.datasetName,
        ifMatch: '*',
        changes: { authentication: { kind: 'sas' } },
        useDraftSasToken: true,
      }),
    ).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
  });

  it('a damaged drafts file at start: kept aside, a clear notice, the app still starts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-drafts-'));
    writeFileSync(join(dataDir, 'drafts.json'), '{"drafts": [ {"connectionId": ');
    const { call } = await start(dataDir);
    const info = await call<{ notices: string[] }>('app:info');
    expect(info.ok && info.value.notices.join(' ')).toMatch(
      /damaged.*unsaved edits.*kept as .*drafts\.corrupt-/,
    );
    expect(await call('drafts:list')).toEqual({ ok: true, value: [] });
    const aside = readdirSync(dataDir).find((f) => f.startsWith('drafts.corrupt-'));
    expect(aside && readFileSync(join(dataDir, aside), 'utf8')).toBe(
      '{"drafts": [ {"connectionId": ',
    );
  });
});

describe("a draft's SAS token and where it was typed for", () => {
  async function draftsOn(dataDir: string) {
    const cipher = await createKeyFileCipher(dataDir);
    if (!cipher.ok) throw new Error(cipher.error.message);
    const vault = createSecretVault({
      store: openConfStore(dataDir, 'settings'),
      cipher: cipher.value,
    });
    return {
      vault,
      drafts: createDraftsService({ store: openConfStore(dataDir, 'drafts'), vault }),
    };
  }
  const draft = { ...ref, base: null, values: {} };
  const A = 'https://a.example';

  it('gives the token only for the destination it was typed for, autosaves or not', async () => {
    const { drafts } = await draftsOn(mkdtempSync(join(tmpdir(), 'dm-drafts-')));
    expect(await drafts.save({ ...draft, sasToken: TOKEN }, A)).toMatchObject({ ok: true });
    // An autosave after the connection moved does not move the token with it.
    expect(await drafts.save({ ...draft, values: { a: 1 } }, 'https://b.example')).toMatchObject({
      ok: true,
    });
    expect(await drafts.sasTokenOf(ref, A)).toEqual({ ok: true, value: TOKEN });
    const elsewhere = await drafts.sasTokenOf(ref, 'https://b.example');
    expect(elsewhere).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!elsewhere.ok) {
      expect(elsewhere.error.message).toMatch(/pointed elsewhere.*Type it again/);
      expect(elsewhere.error.message).not.toContain('DRAFTSECRET');
    }
    expect(drafts.list()).toEqual([expect.objectContaining({ hasSasToken: true })]);
    expect(JSON.stringify(drafts.list())).not.toContain(A);
  });

  it('never sends a token whose destination is unknown, or one kept before destinations were', async () => {
    const { drafts, vault } = await draftsOn(mkdtempSync(join(tmpdir(), 'dm-drafts-')));
    await drafts.save({ ...draft, sasToken: TOKEN }, undefined);
    expect(await drafts.sasTokenOf(ref, A)).toMatchObject({ ok: false });
    // What an earlier version kept: the bare token.
    await vault.setSecret(draftSecretId(ref), TOKEN);
    const old = await drafts.sasTokenOf(ref, A);
    expect(old).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!old.ok) expect(old.error.message).toMatch(/without the endpoint.*Type it again/);
  });
});
