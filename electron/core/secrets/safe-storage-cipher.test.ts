import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc/errors';
import { openConfStore } from '../settings/settings-store';
import type { SettingsStore } from '../settings/settings-store';
import { FAKE_MARK, fakeSafeStorage } from '../../test-support/fake-safe-storage';
import type { FakeSafeStorageOptions } from '../../test-support/fake-safe-storage';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { createSecretVault, SECRETS_KEY } from './secret-vault';

let dir: string;
let store: SettingsStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-safestorage-'));
  store = openConfStore(dir, 'settings');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function setUp(options: FakeSafeStorageOptions = {}, platform: NodeJS.Platform = 'linux') {
  const fake = fakeSafeStorage(options);
  const cipher = await createSafeStorageCipher(fake.safeStorage, platform);
  return { ...fake, cipher, vault: createSecretVault({ store, cipher }) };
}

const storedEntry = (id: string) => (store.get(SECRETS_KEY) as Record<string, string>)[id] ?? '';
const settingsText = () => {
  try {
    return readFileSync(store.path, 'utf8');
  } catch {
    return '';
  }
};

describe('safeStorage cipher', () => {
  it('with a keyring, saves keys encrypted by the system and reads them back', async () => {
    const { cipher, vault, calls } = await setUp({ backend: 'gnome_libsecret' });
    expect(cipher.info).toEqual({ kind: 'os', persistent: true });

    expect(await vault.setSecret('connection:1', 'plain-key-4711')).toEqual(
      ok({ storage: 'persistent' }),
    );
    const entry = storedEntry('connection:1');
    expect(Buffer.from(entry.replace(/^safestorage:v1:/, ''), 'base64').toString()).toMatch(
      new RegExp(`^${FAKE_MARK}:`),
    );
    expect(settingsText()).not.toContain('plain-key-4711');
    expect(calls.encrypt).toBe(1);

    const { vault: later } = await setUp({ backend: 'gnome_libsecret' });
    expect(await later.getSecret('connection:1')).toEqual(ok('plain-key-4711'));
  });

  it('on macOS and Windows, does not ask for a Linux backend', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { cipher, calls } = await setUp({ backend: 'basic_text' }, platform);
      expect(cipher.info.persistent).toBe(true);
      expect(calls.backend).toBe(0);
    }
  });

  it('with no keyring (basic_text), keeps keys for the session only and writes nothing', async () => {
    const { cipher, vault, calls } = await setUp({ backend: 'basic_text' });
    expect(cipher.info).toMatchObject({ kind: 'basicText', persistent: false });
    expect(cipher.info.notice).toMatch(/keyring/);
    expect(cipher.info.notice).toMatch(/this session only/);

    expect(await vault.setSecret('connection:1', 'plain-key-4711')).toEqual(
      ok({ storage: 'session' }),
    );
    expect(await vault.getSecret('connection:1')).toEqual(ok('plain-key-4711'));
    expect(store.get(SECRETS_KEY)).toBeUndefined();
    expect(settingsText()).not.toContain('plain-key-4711');
    expect(calls.encrypt).toBe(0);

    const { vault: afterRestart } = await setUp({ backend: 'basic_text' });
    expect((await afterRestart.getSecret('connection:1')).ok).toBe(false);
  });

  it('when encryption is unavailable, keeps keys for the session only, with a notice', async () => {
    const { cipher, vault } = await setUp({ available: false, backend: 'gnome_libsecret' });
    expect(cipher.info).toMatchObject({ kind: 'os', persistent: false });
    expect(cipher.info.notice).toMatch(/this session only/);
    expect((await vault.setSecret('x', 'v')).ok).toBe(true);
    expect(store.get(SECRETS_KEY)).toBeUndefined();
  });

  it('does not trust a key saved with a keyring once only basic_text is left', async () => {
    const { vault } = await setUp({ backend: 'kwallet6' });
    await vault.setSecret('connection:1', 'plain-key-4711');

    const { vault: withoutKeyring, calls } = await setUp({ backend: 'basic_text' });
    const result = await withoutKeyring.getSecret('connection:1');
    expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    expect(calls.decrypt).toBe(0);
    expect(storedEntry('connection:1')).not.toBe('');
  });

  it('re-encrypts and saves a value when the system asks for it', async () => {
    const { vault } = await setUp({ generation: 1 });
    await vault.setSecret('connection:1', 'plain-key-4711');
    const before = storedEntry('connection:1');

    const rotated = await setUp({ generation: 2 });
    expect(await rotated.vault.getSecret('connection:1')).toEqual(ok('plain-key-4711'));
    const after = storedEntry('connection:1');
    expect(after).not.toBe(before);
    expect(Buffer.from(after.replace(/^safestorage:v1:/, ''), 'base64').toString()).toMatch(
      new RegExp(`^${FAKE_MARK}:2:`),
    );
    expect(rotated.calls.encrypt).toBe(1);

    await rotated.vault.getSecret('connection:1');
    expect(rotated.calls.encrypt).toBe(1);
  });

  it('turns a refused encryption into an error the user can act on', async () => {
    const { vault } = await setUp({ failEncrypt: true });
    const result = await vault.setSecret('connection:1', 'plain-key-4711');
    expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/session only/);
    expect(vault.hasSecret('connection:1')).toBe(false);
  });

  it('turns an undecryptable entry into keyUnavailable, without throwing', async () => {
    const { vault } = await setUp();
    store.set(SECRETS_KEY, { a: 'safestorage:v1:bm90IGZha2U=', b: 'keyfile:v1:AAAA' });
    const a = await vault.getSecret('a');
    const b = await vault.getSecret('b');
    expect(a).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    expect(b).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!b.ok) expect(b.error.message).toMatch(/browser mode/);
  });
});
