import type { SecretStorageInfo } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { KEY_FILE_PREFIX, SAFE_STORAGE_PREFIX } from './secret-cipher';
import type { DecryptedSecret, SecretCipher } from './secret-cipher';

export type LinuxStorageBackend =
  'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** The part of Electron's `safeStorage` the app uses; tests pass a fake. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): LinuxStorageBackend;
}

const SESSION_ONLY =
  'so keys are kept for this session only and must be entered again after the app restarts.';

export const SAFE_STORAGE_NOTICES = {
  basicText:
    `No keyring (such as GNOME Keyring or KWallet) can protect keys on this system, ${SESSION_ONLY} ` +
    'To keep them, install or unlock a keyring, then restart the app.',
  unavailable:
    `This system cannot encrypt keys right now, ${SESSION_ONLY} ` +
    'On Linux, install or unlock a keyring (such as GNOME Keyring or KWallet), then restart the app.',
  unknownBackend:
    `The app could not tell which keyring protects keys on this system, ${SESSION_ONLY} ` +
    'Restart the app; if this persists, make sure a keyring (such as GNOME Keyring or KWallet) is running.',
} as const;

/**
 * Keys encrypted by the operating system (Keychain, DPAPI, libsecret or KWallet) through
 * Electron's safeStorage. Call once the app is ready: the backend is unknown before.
 */
export async function createSafeStorageCipher(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<SecretCipher> {
  const info = await storageInfo(safeStorage, platform);
  if (!info.persistent) return sessionOnlyCipher(info);

  return {
    info,

    async encrypt(plain) {
      try {
        const encrypted = await safeStorage.encryptStringAsync(plain);
        return ok(SAFE_STORAGE_PREFIX + encrypted.toString('base64'));
      } catch {
        return fail({
          kind: 'keyUnavailable',
          message:
            'The system keychain did not encrypt the key (access may have been denied). ' +
            'Try again, or keep the key for this session only.',
        });
      }
    },

    async decrypt(stored) {
      if (!stored.startsWith(SAFE_STORAGE_PREFIX)) return unreadable(stored);
      let decrypted: { result: string; shouldReEncrypt: boolean };
      try {
        const buffer = Buffer.from(stored.slice(SAFE_STORAGE_PREFIX.length), 'base64');
        decrypted = await safeStorage.decryptStringAsync(buffer);
      } catch {
        return unreadable(stored);
      }
      const secret: DecryptedSecret = { value: decrypted.result };
      if (decrypted.shouldReEncrypt) {
        try {
          const again = await safeStorage.encryptStringAsync(decrypted.result);
          secret.reEncrypted = SAFE_STORAGE_PREFIX + again.toString('base64');
        } catch {
          // The value is still good; re-encrypting is retried on the next read.
        }
      }
      return ok(secret);
    },
  };
}

async function storageInfo(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<SecretStorageInfo> {
  let available = false;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    // Treated as unavailable: keys then live for the session, which is safe.
  }
  if (!available) {
    return { kind: 'os', persistent: false, notice: SAFE_STORAGE_NOTICES.unavailable };
  }
  if (platform !== 'linux') return { kind: 'os', persistent: true };
  // Asked after availability, which initialises the encryptor and so settles the backend.
  const backend = safeStorage.getSelectedStorageBackend();
  if (backend === 'basic_text') {
    // Chromium's "basic" store encrypts with a key hard-coded in every copy of Chromium:
    // anyone with the settings file could read the keys.
    return { kind: 'basicText', persistent: false, notice: SAFE_STORAGE_NOTICES.basicText };
  }
  if (backend === 'unknown') {
    return { kind: 'os', persistent: false, notice: SAFE_STORAGE_NOTICES.unknownBackend };
  }
  return { kind: 'os', persistent: true };
}

/**
 * Nothing is written to disk. Keys saved in an earlier run (when a keyring was available) are
 * not decrypted either: without the keyring the result would be wrong, and a wrong key looks
 * like a right one until the service refuses it. They stay in the file for when it is back.
 */
function sessionOnlyCipher(info: SecretStorageInfo): SecretCipher {
  return {
    info,
    async encrypt() {
      return fail({
        kind: 'keyUnavailable',
        message: info.notice ?? SAFE_STORAGE_NOTICES.unavailable,
      });
    },
    async decrypt() {
      return fail({
        kind: 'keyUnavailable',
        message:
          'This key was saved when a keyring protected keys, and no keyring is available now. ' +
          'Enter the key again for this session, or unlock the keyring and restart the app.',
      });
    },
  };
}

function unreadable(stored: string): Result<DecryptedSecret> {
  if (stored.startsWith(KEY_FILE_PREFIX)) {
    return fail({
      kind: 'keyUnavailable',
      message:
        'This key was saved by the app in browser mode and can be read only there. Enter the key again.',
    });
  }
  return fail({
    kind: 'keyUnavailable',
    message:
      'The saved key cannot be decrypted: the settings file was changed or damaged, or it was ' +
      'saved by another user account or computer. Enter the key again.',
  });
}
