import type { LinuxStorageBackend, SafeStorageLike } from '../core/secrets/safe-storage-cipher';

/** Marks every buffer it makes, so a test can tell an encrypted value from a plain one. */
export const FAKE_MARK = 'FAKE-OS-ENCRYPTED';

export interface FakeSafeStorageOptions {
  available?: boolean;
  backend?: LinuxStorageBackend;
  /** The key generation: buffers from an older one decrypt with shouldReEncrypt. */
  generation?: number;
  failEncrypt?: boolean;
}

/** A stand-in for Electron's safeStorage: reversible, obviously not plain, and counted. */
export function fakeSafeStorage(options: FakeSafeStorageOptions = {}) {
  const calls = { encrypt: 0, decrypt: 0, backend: 0 };
  const state = { generation: options.generation ?? 1 };
  const scramble = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));

  const safeStorage: SafeStorageLike = {
    async isAsyncEncryptionAvailable() {
      return options.available ?? true;
    },
    async encryptStringAsync(text) {
      calls.encrypt++;
      if (options.failEncrypt) throw new Error('User denied keychain access');
      const header = Buffer.from(`${FAKE_MARK}:${state.generation}:`);
      return Buffer.concat([header, scramble(Buffer.from(text))]);
    },
    async decryptStringAsync(buffer) {
      calls.decrypt++;
      const match = /^FAKE-OS-ENCRYPTED:(\d+):/.exec(buffer.toString('latin1'));
      if (!match) throw new Error('Error while decrypting the ciphertext provided');
      const body = buffer.subarray(match[0].length);
      return {
        result: scramble(body).toString(),
        shouldReEncrypt: Number(match[1]) !== state.generation,
      };
    },
    getSelectedStorageBackend() {
      calls.backend++;
      return options.backend ?? 'gnome_libsecret';
    },
  };
  return { safeStorage, calls, state };
}
