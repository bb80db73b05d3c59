import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_SAS_TOKEN } from '../../../emulator/seed-datasets';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { HistoryVersion } from '../../../shared/history/history-contract';
import type { Result } from '../../../shared/ipc/errors';
import { createAppServices } from '../app-services';
import type { AppServices } from '../app-services';
import { createKeyFileCipher } from '../secrets/key-file-cipher';
import { openConfStore } from '../settings/settings-store';
import { HISTORY_FILE_NAME } from './open-history-store';

const open: AppServices[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function services(dataDir: string): Promise<AppServices> {
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const s = await createAppServices({
    mode: 'browser',
    version: '1.2.3',
    dataDir,
    store: openConfStore(dataDir, 'settings'),
    draftsStore: openConfStore(dataDir, 'drafts'),
    cipher: cipher.value,
    fetch: globalThis.fetch,
  });
  open.push(s);
  return s;
}

async function call<T>(s: AppServices, channel: string, payload: unknown): Promise<T> {
  const result = (await s.dispatch(channel, payload)) as Result<T>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}`);
  return result.value;
}

const ref = { connectionId: 'local-emulator', name: 'retail-shelf-products' };

describe('history as the handlers keep it', () => {
  it('keeps what was loaded, saved and deleted, across a restart, never with a SAS token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-history-wiring-'));
    const first = await services(dataDir);
    const loaded = await call<RedactedDataset>(first, 'datasets:get', ref);
    await call(first, 'datasets:get', ref);
    const newToken = 'sv=2022-11-02&sig=HISTORYTOKEN';
    const saved = await call<RedactedDataset>(first, 'datasets:update', {
      ...ref,
      ifMatch: loaded.eTag,
      changes: {
        customProperties: { team: 'history' },
        authentication: { kind: 'sas', sasToken: newToken },
      },
    });
    await call(first, 'datasets:delete', { ...ref, ifMatch: saved.eTag });
    await first.close();

    const bytes = readFileSync(join(dataDir, HISTORY_FILE_NAME)).toString('latin1');
    expect(bytes).toContain('retail-shelf-products');
    expect(bytes).not.toContain(SAMPLE_SAS_TOKEN);
    expect(bytes).not.toContain('HISTORYTOKEN');

    const second = await services(dataDir);
    const versions = await call<HistoryVersion[]>(second, 'history:list', ref);
    expect(versions.map((v) => [v.source, v.eTag])).toEqual([
      ['beforeDelete', saved.eTag],
      ['saved', saved.eTag],
      ['loaded', loaded.eTag],
    ]);
    expect(versions[1]?.dataset.customProperties).toMatchObject({ team: 'history' });
    expect(versions[1]?.dataset.authentication?.sasTokenFingerprint).toBe(
      saved.authentication?.sasTokenFingerprint,
    );
    expect(JSON.stringify(versions)).not.toContain('sig=');
  });

  it('keeps a version read after a refused write as theirs at a conflict', async () => {
    const s = await services(mkdtempSync(join(tmpdir(), 'dm-history-wiring-')));
    const theirs = await call<RedactedDataset>(s, 'datasets:get', { ...ref, afterConflict: true });
    const versions = await call<HistoryVersion[]>(s, 'history:list', ref);
    expect(versions.map((v) => [v.source, v.eTag])).toEqual([['theirs', theirs.eTag]]);
  });

  it('says what to fix when asked for the history of a badly named dataset', async () => {
    const s = await services(mkdtempSync(join(tmpdir(), 'dm-history-wiring-')));
    const result = (await s.dispatch('history:list', {
      connectionId: 'local-emulator',
      name: ' spaces ',
    })) as Result<unknown>;
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'badRequest',
        message: expect.stringContaining('Name must start with a letter'),
      },
    });
  });
});
