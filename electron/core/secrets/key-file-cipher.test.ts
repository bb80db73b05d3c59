import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfStore } from '../settings/settings-store';
import { createKeyFileCipher, KEY_FILE_NAME } from './key-file-cipher';
import type { SecretCipher } from './secret-cipher';
import { SAFE_STORAGE_PREFIX } from './secret-cipher';
import { createSecretVault, SECRETS_KEY } from './secret-vault';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-keyfile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const posixOnly = process.platform === 'win32' ? it.skip : it;

async function cipherIn(folder: string): Promise<SecretCipher> {
  const result = await createKeyFileCipher(folder);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function vaultIn(folder: string) {
  return createSecretVault({
    store: openConfStore(folder, 'settings'),
    cipher: await cipherIn(folder),
  });
}

describe('key-file cipher', () => {
  it('gives back a key saved in an earlier run (new store and cipher on the same folder)', async () => {
    const first = await vaultIn(dir);
    expect((await first.setSecret('connection:1', 'key-0123456789abcdef')).ok).toBe(true);

    const second = await vaultIn(dir);
    expect(await second.getSecret('connection:1')).toEqual({
      ok: true,
      value: 'key-0123456789abcdef',
    });
    expect(second.storageOf('connection:1')).toBe('persistent');
  });

  it('reports persistent keyFile storage', async () => {
    expect((await cipherIn(dir)).info).toEqual({ kind: 'keyFile', persistent: true });
  });

  posixOnly('creates secret.key readable by the user alone', async () => {
    await cipherIn(dir);
    const stats = statSync(join(dir, KEY_FILE_NAME));
    expect(stats.mode & 0o777).toBe(0o600);
    expect(stats.size).toBe(32);
  });

  it('creates secret.key in a data folder that does not exist yet', async () => {
    const nested = join(dir, 'new', 'folder');
    await cipherIn(nested);
    expect(statSync(join(nested, KEY_FILE_NAME)).size).toBe(32);
  });

  it('encrypts the same value differently every time', async () => {
    const cipher = await cipherIn(dir);
    const a = await cipher.encrypt('same value');
    const b = await cipher.encrypt('same value');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value).not.toBe(b.value);
    expect(a.value).toMatch(/^keyfile:v1:[A-Za-z0-9+/]+=*$/);
  });

  it('turns a tampered entry into a keyUnavailable error asking for the key again', async () => {
    const vault = await vaultIn(dir);
    await vault.setSecret('connection:1', 'the-real-key');
    const store = openConfStore(dir, 'settings');
    const stored = (store.get(SECRETS_KEY) as Record<string, string>)['connection:1'] ?? '';
    const flipped = stored.slice(0, -6) + (stored.at(-6) === 'A' ? 'B' : 'A') + stored.slice(-5);
    store.set(SECRETS_KEY, { 'connection:1': flipped, 'connection:2': 'keyfile:v1:!!' });

    for (const id of ['connection:1', 'connection:2']) {
      const result = await vault.getSecret(id);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe('keyUnavailable');
      expect(result.error.message).toMatch(/Enter the key again/);
    }
  });

  it('explains that a key saved by the desktop app cannot be read in browser mode', async () => {
    const cipher = await cipherIn(dir);
    const result = await cipher.decrypt(`${SAFE_STORAGE_PREFIX}AAAA`);
    expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/desktop app/);
  });

  it('cannot decrypt with another folder’s key file', async () => {
    const other = mkdtempSync(join(tmpdir(), 'dm-keyfile-other-'));
    try {
      const encrypted = await (await cipherIn(dir)).encrypt('value');
      if (!encrypted.ok) throw new Error('encrypt failed');
      const result = await (await cipherIn(other)).decrypt(encrypted.value);
      expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('agrees on one key when two instances start at once', async () => {
    const [a, b] = await Promise.all([cipherIn(dir), cipherIn(dir)]);
    const encrypted = await a.encrypt('shared');
    if (!encrypted.ok) throw new Error('encrypt failed');
    expect(await b.decrypt(encrypted.value)).toEqual({ ok: true, value: { value: 'shared' } });
  });

  posixOnly('refuses a key file other users can read, saying how to fix it', async () => {
    await cipherIn(dir);
    const path = join(dir, KEY_FILE_NAME);
    chmodSync(path, 0o644);
    const result = await createKeyFileCipher(dir);
    expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!result.ok) expect(result.error.message).toContain(`chmod 600 ${path}`);
    expect(statSync(path).mode & 0o777).toBe(0o644);
  });

  it('refuses a damaged key file instead of silently replacing it', async () => {
    const path = join(dir, KEY_FILE_NAME);
    writeFileSync(path, 'short', { mode: 0o600 });
    const result = await createKeyFileCipher(dir);
    expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('short');
  });
});
