import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfStore } from '../settings/settings-store';
import { fingerprintKeyFrom } from './fingerprint-key';
import { createKeyFileCipher } from './key-file-cipher';
import type { SecretCipher } from './secret-cipher';
import { createSecretVault } from './secret-vault';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function vaultIn(dir: string, cipher?: SecretCipher) {
  const keyFile = await createKeyFileCipher(dir);
  if (!keyFile.ok) throw new Error(keyFile.error.message);
  return createSecretVault({
    store: openConfStore(dir, 'settings'),
    cipher: cipher ?? keyFile.value,
  });
}

describe('the SAS fingerprint key', () => {
  it('is the same after a restart, and is kept encrypted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-fingerprint-key-'));
    dirs.push(dir);
    const first = await fingerprintKeyFrom(await vaultIn(dir));
    const again = await fingerprintKeyFrom(await vaultIn(dir));
    expect(first).toHaveLength(32);
    expect(again.equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(
      first.toString('base64'),
    );
  });

  it('is one per run, never written, when the vault can keep nothing across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-fingerprint-key-'));
    dirs.push(dir);
    const keyFile = await createKeyFileCipher(dir);
    if (!keyFile.ok) throw new Error(keyFile.error.message);
    const sessionOnly: SecretCipher = {
      ...keyFile.value,
      info: { ...keyFile.value.info, persistent: false },
    };
    const first = await fingerprintKeyFrom(await vaultIn(dir, sessionOnly));
    const second = await fingerprintKeyFrom(await vaultIn(dir, sessionOnly));
    expect(second.equals(first)).toBe(false);
    expect(openConfStore(dir, 'settings').get('secrets')).toBeUndefined();
  });
});
