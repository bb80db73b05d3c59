import { randomBytes } from 'node:crypto';
import type { SecretVault } from './secret-vault';

export const FINGERPRINT_KEY_ID = 'sas-fingerprint:key';
const KEY_BYTES = 32;

/**
 * The HMAC key behind SAS token fingerprints. A draft and the merge compare fingerprints taken
 * before and after a restart, so the key is kept in the vault (encrypted like connection keys):
 * with a new key every run, an unchanged token would look changed after one. Where the vault
 * cannot keep anything across restarts, a key for this run is the best there is.
 */
export async function fingerprintKeyFrom(vault: SecretVault): Promise<Buffer> {
  if (!vault.info.persistent) return randomBytes(KEY_BYTES);
  if (vault.storageOf(FINGERPRINT_KEY_ID) === 'persistent') {
    const kept = await vault.getSecret(FINGERPRINT_KEY_ID);
    if (kept.ok) {
      const key = Buffer.from(kept.value, 'base64');
      if (key.length === KEY_BYTES) return key;
    }
  }
  // None yet, or unreadable (another system's encryption): fingerprints start over, once.
  const fresh = randomBytes(KEY_BYTES);
  await vault.setSecret(FINGERPRINT_KEY_ID, fresh.toString('base64'));
  return fresh;
}
