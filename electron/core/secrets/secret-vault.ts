import type { SecretStorageInfo } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { SettingsStore } from '../settings/settings-store';
import type { SecretCipher } from './secret-cipher';

/** The settings key under which encrypted secrets are kept, by secret id. */
export const SECRETS_KEY = 'secrets';

export type SecretStorage = 'persistent' | 'session' | 'none';

export interface SetSecretOptions {
  /** Keep the value in memory until the app quits, and never write it. */
  sessionOnly?: boolean;
}

/**
 * A secret already encrypted and ready to save. Saving is synchronous, so a caller can save
 * the secret together with the record that refers to it, with no await in between where the
 * two could drift apart.
 */
export interface PreparedSecret {
  readonly storage: 'persistent' | 'session';
  commit(): void;
}

export interface SecretVault {
  readonly info: SecretStorageInfo;
  prepareSecret(
    id: string,
    value: string,
    options?: SetSecretOptions,
  ): Promise<Result<PreparedSecret>>;
  setSecret(
    id: string,
    value: string,
    options?: SetSecretOptions,
  ): Promise<Result<{ storage: 'persistent' | 'session' }>>;
  getSecret(id: string): Promise<Result<string>>;
  hasSecret(id: string): boolean;
  storageOf(id: string): SecretStorage;
  deleteSecret(id: string): void;
}

export interface SecretVaultOptions {
  store: SettingsStore;
  cipher: SecretCipher;
  /** Told about damaged entries, once each; never given a secret. */
  onNotice?: (message: string) => void;
}

/**
 * Secrets by id (`connection:<id>`, a draft's SAS token, ...): encrypted in the settings store
 * when the cipher can keep them safe, otherwise in memory for the session.
 */
export function createSecretVault({
  store,
  cipher,
  onNotice = () => {},
}: SecretVaultOptions): SecretVault {
  const session = new Map<string, string>();
  const told = new Set<string>();

  function notice(message: string) {
    if (told.has(message)) return;
    told.add(message);
    onNotice(message);
  }

  /**
   * Maps rather than objects, so an id such as `__proto__` is just an id (zod's record drops
   * that key, which is why the map is checked by hand).
   */
  function readRaw(): Map<string, unknown> | undefined {
    const raw = store.get(SECRETS_KEY);
    if (raw === undefined) return new Map();
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    return new Map(Object.entries(raw));
  }

  function readStored(): Map<string, string> {
    const raw = readRaw();
    if (!raw) {
      notice(`The saved keys in ${store.path} are damaged and were ignored; enter them again.`);
      return new Map();
    }
    const entries = new Map<string, string>();
    for (const [id, value] of raw) {
      if (typeof value === 'string') entries.set(id, value);
      else notice(`A saved key in ${store.path} is damaged and was ignored; enter it again.`);
    }
    return entries;
  }

  function writeStored(change: (entries: Map<string, unknown>) => void) {
    // Unreadable entries are kept as they are: they may be readable by a later version.
    const entries = readRaw() ?? new Map<string, unknown>();
    change(entries);
    store.set(SECRETS_KEY, Object.fromEntries(entries));
  }

  function storedHas(id: string): boolean {
    return readStored().has(id);
  }

  async function prepareSecret(
    id: string,
    value: string,
    options: SetSecretOptions = {},
  ): Promise<Result<PreparedSecret>> {
    if (options.sessionOnly === true || !cipher.info.persistent) {
      return ok({
        storage: 'session',
        commit() {
          // A value the user now wants kept for the session must not linger on disk.
          if (storedHas(id)) writeStored((entries) => entries.delete(id));
          session.set(id, value);
        },
      });
    }
    const encrypted = await cipher.encrypt(value);
    if (!encrypted.ok) return encrypted;
    return ok({
      storage: 'persistent',
      commit() {
        writeStored((entries) => entries.set(id, encrypted.value));
        session.delete(id);
      },
    });
  }

  return {
    info: cipher.info,

    prepareSecret,

    async setSecret(id, value, options) {
      const prepared = await prepareSecret(id, value, options);
      if (!prepared.ok) return prepared;
      prepared.value.commit();
      return ok({ storage: prepared.value.storage });
    },

    async getSecret(id) {
      const inMemory = session.get(id);
      if (inMemory !== undefined) return ok(inMemory);
      const stored = readStored().get(id);
      if (stored === undefined) {
        return fail({
          kind: 'keyUnavailable',
          message:
            'No key is saved here; keys kept for the session only are forgotten when the app quits. Enter the key again.',
        });
      }
      const decrypted = await cipher.decrypt(stored);
      if (!decrypted.ok) return decrypted;
      const { value, reEncrypted } = decrypted.value;
      if (reEncrypted !== undefined && readStored().get(id) === stored) {
        try {
          writeStored((entries) => entries.set(id, reEncrypted));
        } catch {
          // The old encryption still works; saving is retried on the next read.
        }
      }
      return ok(value);
    },

    hasSecret(id) {
      return session.has(id) || storedHas(id);
    },

    storageOf(id) {
      if (session.has(id)) return 'session';
      return storedHas(id) ? 'persistent' : 'none';
    },

    deleteSecret(id) {
      session.delete(id);
      if (storedHas(id)) writeStored((entries) => entries.delete(id));
    },
  };
}
