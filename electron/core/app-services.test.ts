import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';
import { SAMPLE_SAS_TOKEN } from '../../emulator/seed-datasets';
import type { RedactedDataset } from '../../shared/contract/redacted-dataset';
import type { ConnectionSummary, DatasetListChunk } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import { createAppServices } from './app-services';
import type { AppServices } from './app-services';
import { createKeyFileCipher } from './secrets/key-file-cipher';
import { openConfStore } from './settings/settings-store';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

/** The services of browser mode over dataDir (a new folder unless given: a restart if it is). */
async function browserModeServices(
  dataDir = mkdtempSync(join(tmpdir(), 'dm-services-')),
  more: { localEmulator?: boolean } = {},
): Promise<AppServices> {
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const services = await createAppServices({
    mode: 'browser',
    version: '1.2.3',
    dataDir,
    store: openConfStore(dataDir, 'settings'),
    draftsStore: openConfStore(dataDir, 'drafts'),
    cipher: cipher.value,
    fetch: globalThis.fetch,
    ...more,
  });
  open.push(services);
  return services;
}

async function otherEmulator(key: string): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, key, seed: true });
  open.push(emulator);
  return emulator;
}

const call = <T>(s: AppServices, channel: string, payload: unknown = {}) =>
  s.dispatch(channel, payload) as Promise<Result<T>>;

describe('the app services behind both transports', () => {
  it('with the built-in connection turned off, offers no Local emulator and runs none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-services-'));
    const s = await browserModeServices(dataDir, { localEmulator: false });
    expect(s.localEmulator).toBeUndefined();
    expect(await call<ConnectionSummary[]>(s, 'connections:list')).toEqual({ ok: true, value: [] });
    expect(await call(s, 'datasets:listStart', { connectionId: 'local-emulator' })).toMatchObject({
      ok: false,
      error: { kind: 'unknownConnection' },
    });
    // Its data folder is made only when it starts.
    expect(existsSync(join(dataDir, 'emulator'))).toBe(false);
  });

  it('offers the Local emulator from the first start, with its sample datasets', async () => {
    const s = await browserModeServices();
    const connections = await call<ConnectionSummary[]>(s, 'connections:list');
    expect(connections).toMatchObject({
      ok: true,
      value: [{ id: 'local-emulator', name: 'Local emulator', builtIn: true, hasKey: true }],
    });
    const listing = await call<DatasetListChunk>(s, 'datasets:listStart', {
      connectionId: 'local-emulator',
    });
    expect(listing.ok && listing.value.items.length).toBeGreaterThanOrEqual(6);
  });

  it('never hands a SAS token to the page, only that one is set and its fingerprint', async () => {
    const s = await browserModeServices();
    const got = await call<RedactedDataset>(s, 'datasets:get', {
      connectionId: 'local-emulator',
      name: 'retail-shelf-products',
    });
    expect(got).toMatchObject({
      ok: true,
      value: { authentication: { kind: 'sas', hasSasToken: true } },
    });
    expect(JSON.stringify(got)).not.toContain(SAMPLE_SAS_TOKEN);
    expect(JSON.stringify(got)).not.toContain('sig=');

    // A new token changes the fingerprint, so the page can tell without seeing either.
    const before = got.ok ? got.value : undefined;
    const updated = await call<RedactedDataset>(s, 'datasets:update', {
      connectionId: 'local-emulator',
      name: 'retail-shelf-products',
      ifMatch: before?.eTag,
      changes: { authentication: { kind: 'sas', sasToken: 'sv=2022-11-02&sig=NEWTOKEN' } },
    });
    expect(JSON.stringify(updated)).not.toContain('NEWTOKEN');
    if (!updated.ok) throw new Error(`the update failed: ${updated.error.kind}`);
    const newFingerprint = updated.value.authentication?.sasTokenFingerprint;
    expect(newFingerprint).toEqual(expect.any(String));
    expect(newFingerprint).not.toBe(before?.authentication?.sasTokenFingerprint);
  });

  it('starts the Local emulator on the port it had last time, or another when that is taken', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-services-'));
    const first = await browserModeServices(dataDir);
    const firstUrl = first.localEmulator!.emulator.url;
    await first.close();

    const second = await browserModeServices(dataDir);
    expect(second.localEmulator!.emulator.url).toBe(firstUrl);
    const port = Number(new URL(firstUrl).port);
    await second.close();

    const squatter = createServer();
    await new Promise<void>((listening) => squatter.listen(port, '127.0.0.1', listening));
    open.push({ close: () => new Promise<void>((closed) => squatter.close(() => closed())) });
    const third = await browserModeServices(dataDir);
    expect(third.localEmulator!.emulator.url).not.toBe(firstUrl);
    const listing = await call<DatasetListChunk>(third, 'datasets:listStart', {
      connectionId: 'local-emulator',
    });
    expect(listing.ok).toBe(true);
  });

  it('gives an unchanged SAS token the same fingerprint after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-services-'));
    const ref = { connectionId: 'local-emulator', name: 'retail-shelf-products' };
    const fingerprintIn = async (s: AppServices) => {
      const got = await call<RedactedDataset>(s, 'datasets:get', ref);
      if (!got.ok) throw new Error(`the load failed: ${got.error.kind}`);
      return got.value.authentication?.sasTokenFingerprint;
    };
    const first = await browserModeServices(dataDir);
    const before = await fingerprintIn(first);
    expect(before).toEqual(expect.any(String));
    await first.close();
    expect(await fingerprintIn(await browserModeServices(dataDir))).toBe(before);
  });

  it('keeps a deleted sample dataset deleted after a restart (samples seed a new store only)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-services-'));
    const ref = { connectionId: 'local-emulator', name: 'retail-shelf-products' };
    const first = await browserModeServices(dataDir);
    const loaded = await call<RedactedDataset>(first, 'datasets:get', ref);
    if (!loaded.ok) throw new Error(`the load failed: ${loaded.error.kind}`);
    expect(
      await call(first, 'datasets:delete', { ...ref, ifMatch: loaded.value.eTag }),
    ).toMatchObject({ ok: true });
    await first.close();
    const second = await browserModeServices(dataDir);
    expect(await call(second, 'datasets:get', ref)).toMatchObject({
      ok: false,
      error: { kind: 'notFound' },
    });
  });

  it('saves with If-Match and reports a stale eTag as a conflict', async () => {
    const s = await browserModeServices();
    const ref = { connectionId: 'local-emulator', name: 'wildlife-camera-traps' };
    const loaded = await call<RedactedDataset>(s, 'datasets:get', ref);
    if (!loaded.ok) throw new Error('load failed');
    const saved = await call<RedactedDataset>(s, 'datasets:update', {
      ...ref,
      ifMatch: loaded.value.eTag,
      changes: { annotationKind: 'imageClassification' },
    });
    expect(saved).toMatchObject({ ok: true, value: { annotationKind: 'imageClassification' } });
    const stale = await call(s, 'datasets:update', {
      ...ref,
      ifMatch: loaded.value.eTag,
      changes: { annotationKind: 'imageObjectDetection' },
    });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict', status: 412 } });
  });

  it('tells a refused key, an unreachable endpoint and a bad URL apart when testing', async () => {
    const s = await browserModeServices();
    const emulator = await otherEmulator('right-key');
    expect(
      await call(s, 'connections:test', { endpoint: emulator.url, key: 'right-key' }),
    ).toMatchObject({ ok: true, value: { datasetsOnFirstPage: 1 } });
    expect(
      await call(s, 'connections:test', { endpoint: emulator.url, key: 'wrong-key' }),
    ).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(
      await call(s, 'connections:test', { endpoint: 'http://127.0.0.1:9', key: 'k' }),
    ).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(
      await call(s, 'connections:test', { endpoint: 'http://contoso.example.com', key: 'k' }),
    ).toMatchObject({ ok: false, error: { kind: 'badRequest' } });
  });

  it('keeps a saved connection’s key out of every answer, and uses it', async () => {
    const s = await browserModeServices();
    const emulator = await otherEmulator('very-secret-key-42');
    const added = await call<ConnectionSummary>(s, 'connections:add', {
      name: 'Team emulator',
      endpoint: `${emulator.url}/`,
      key: 'very-secret-key-42',
    });
    expect(added).toMatchObject({ ok: true, value: { hasKey: true, endpoint: emulator.url } });
    const id = added.ok ? added.value.id : '';
    const listed = await call(s, 'connections:list');
    expect(JSON.stringify([added, listed])).not.toContain('very-secret-key-42');
    expect(await call(s, 'connections:test', { id })).toMatchObject({ ok: true });
    const listing = await call<DatasetListChunk>(s, 'datasets:listStart', { connectionId: id });
    expect(listing.ok && listing.value.items.map((d) => d.name)).toContain('invoice-logos');
  });
});
