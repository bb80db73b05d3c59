import type { SecretStorageInfo } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';

export interface DecryptedSecret {
  value: string;
  /** Set when the system asks for the value to be encrypted again (a rotated key): save it. */
  reEncrypted?: string;
}

/**
 * Turns a secret into text that is safe to write to the settings file, and back. Failures are
 * results, not exceptions, so a damaged entry can never crash the app.
 */
export interface SecretCipher {
  readonly info: SecretStorageInfo;
  encrypt(plain: string): Promise<Result<string>>;
  decrypt(stored: string): Promise<Result<DecryptedSecret>>;
}

/**
 * Each cipher tags what it writes, so an entry written by the other mode (desktop and browser
 * mode can share a settings folder) is recognised and explained instead of failing obscurely.
 */
export const KEY_FILE_PREFIX = 'keyfile:v1:';
export const SAFE_STORAGE_PREFIX = 'safestorage:v1:';
