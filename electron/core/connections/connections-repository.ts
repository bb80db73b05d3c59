import { z } from 'zod';
import { checkEndpoint } from '../../../shared/contract/endpoint';
import { ConnectionIdSchema, ConnectionNameSchema } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { AppError, Result } from '../../../shared/ipc/errors';
import type { PreparedSecret, SecretStorage, SecretVault } from '../secrets/secret-vault';
import type { SettingsStore } from '../settings/settings-store';
import { keyOnlyFor, originOf } from './key-origin';

/** The settings key of the saved connections: names and endpoints, never keys. */
export const CONNECTIONS_KEY = 'connections';

const StoredConnectionSchema = z
  .object({
    id: ConnectionIdSchema,
    name: ConnectionNameSchema,
    endpoint: z.string().transform((value, ctx) => {
      const check = checkEndpoint(value);
      if (check.ok) return check.endpoint;
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }),
    /** The key was kept for the session only, so the app can say why it is gone after a restart. */
    keySessionOnly: z.boolean().optional(),
    /**
     * The origin the saved key was typed for; it goes nowhere else (see key-origin.ts). Files
     * written before it was recorded get the origin of the endpoint as stored: the best that can
     * be known, since until then a key followed every change of endpoint.
     */
    keyOrigin: z.string().optional(),
  })
  .transform((record) => ({ ...record, keyOrigin: record.keyOrigin ?? originOf(record.endpoint) }));

export type StoredConnection = z.output<typeof StoredConnectionSchema>;

export function connectionSecretId(connectionId: string): string {
  return `connection:${connectionId}`;
}

export interface ConnectionsRepositoryOptions {
  store: SettingsStore;
  vault: SecretVault;
  /** Told about damaged saved connections, once each; never given a key. */
  onNotice?: (message: string) => void;
}

/**
 * Where saved connections live: their records in the settings file, their keys in the vault.
 * It decides nothing about names or endpoints; it keeps a record and its key together, and
 * gives a saved key out only for the origin it was saved for.
 */
export interface ConnectionsRepository {
  /** The readable saved connections, in the file's order. */
  all(): StoredConnection[];
  find(id: string): StoredConnection | undefined;
  keyStorage(id: string): SecretStorage;
  /** A typed key, encrypted and ready for `save`; nothing is kept until then. */
  prepareKey(id: string, key: string, sessionOnly?: boolean): Promise<Result<PreparedSecret>>;
  /**
   * The saved key made ready for `save` in the place now wanted (disk, or memory for the
   * session); undefined when it is there already or there is none. The key never leaves here.
   */
  prepareKeyMove(id: string, sessionOnly: boolean): Promise<Result<PreparedSecret | undefined>>;
  /**
   * The one way to a saved key: for an endpoint on the origin it was saved for, else a refusal,
   * checked before the key is even decrypted. `record` is the one `find` or `all` gave.
   */
  keyFor(record: StoredConnection, endpoint: string): Promise<Result<string>>;
  /**
   * Saves the record, new or in place of the one with its id, then its key if given: if either
   * write fails the records are put back, so the user never ends up with half a change.
   */
  save(record: StoredConnection, key?: PreparedSecret): Result<null>;
  /** Removes the record and its key, all or nothing like `save`. */
  remove(id: string): Result<null>;
}

interface ConnectionRecords {
  valid: StoredConnection[];
  /** Entries that failed validation, written back untouched so a hand edit can still fix them. */
  invalid: unknown[];
}

export function createConnectionsRepository({
  store,
  vault,
  onNotice = () => {},
}: ConnectionsRepositoryOptions): ConnectionsRepository {
  const told = new Set<string>();
  const notice = (message: string) => {
    if (told.has(message)) return;
    told.add(message);
    onNotice(message);
  };

  /** A damaged entry is skipped and reported, never fatal. */
  function read(): ConnectionRecords {
    const raw = store.get(CONNECTIONS_KEY);
    if (raw === undefined) return { valid: [], invalid: [] };
    if (!Array.isArray(raw)) {
      notice(`The list of saved connections in ${store.path} is damaged and was ignored.`);
      return { valid: [], invalid: [] };
    }
    const records: ConnectionRecords = { valid: [], invalid: [] };
    const ids = new Set<string>();
    raw.forEach((entry: unknown, index) => {
      const parsed = StoredConnectionSchema.safeParse(entry);
      if (parsed.success && !ids.has(parsed.data.id)) {
        ids.add(parsed.data.id);
        records.valid.push(parsed.data);
        return;
      }
      // Only the schema's own words: the entry itself could hold anything, even a key.
      const problem = parsed.success
        ? 'its id is used twice'
        : describeIssue(parsed.error.issues[0]);
      notice(
        `Saved connection #${index + 1} in ${store.path} is damaged (${problem}) and was skipped.`,
      );
      records.invalid.push(entry);
    });
    return records;
  }

  function write(records: ConnectionRecords, thenSecret: () => void): Result<null> {
    const before = store.get(CONNECTIONS_KEY);
    try {
      store.set(CONNECTIONS_KEY, [...records.valid, ...records.invalid]);
      thenSecret();
      return ok(null);
    } catch {
      try {
        if (before === undefined) store.delete(CONNECTIONS_KEY);
        else store.set(CONNECTIONS_KEY, before);
      } catch {
        // The first failure is the one to report.
      }
      return fail(notSaved(store.path));
    }
  }

  return {
    all: () => read().valid,

    find: (id) => read().valid.find((r) => r.id === id),

    keyStorage: (id) => vault.storageOf(connectionSecretId(id)),

    prepareKey: (id, key, sessionOnly) =>
      vault.prepareSecret(connectionSecretId(id), key, { sessionOnly }),

    async prepareKeyMove(id, sessionOnly) {
      const secretId = connectionSecretId(id);
      const storage = vault.storageOf(secretId);
      const wanted = sessionOnly || !vault.info.persistent ? 'session' : 'persistent';
      if (storage === 'none' || storage === wanted) return ok(undefined);
      const saved = await vault.getSecret(secretId);
      if (!saved.ok) return saved;
      return vault.prepareSecret(secretId, saved.value, { sessionOnly });
    },

    async keyFor(record, endpoint) {
      const secretId = connectionSecretId(record.id);
      if (vault.storageOf(secretId) === 'none') return fail(noKeySaved(record));
      const refused = keyOnlyFor(record.keyOrigin, endpoint);
      if (refused) return fail(refused);
      const key = await vault.getSecret(secretId);
      if (key.ok) return key;
      return fail({
        ...key.error,
        message: `Cannot use the connection "${record.name}". ${key.error.message}`,
      });
    },

    save(record, key) {
      const records = read();
      const stored = key ? { ...record, keySessionOnly: key.storage === 'session' } : record;
      const at = records.valid.findIndex((r) => r.id === record.id);
      if (at === -1) records.valid.push(stored);
      else records.valid[at] = stored;
      return write(records, () => key?.commit());
    },

    remove(id) {
      const records = read();
      records.valid = records.valid.filter((r) => r.id !== id);
      return write(records, () => vault.deleteSecret(connectionSecretId(id)));
    },
  };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unreadable';
  const field = issue.path.map(String).join('.');
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}

function noKeySaved(record: StoredConnection): AppError {
  return {
    kind: 'keyUnavailable',
    message: record.keySessionOnly
      ? `The key of "${record.name}" was kept for the session only, so it was forgotten when the app closed. Edit the connection and enter the key again.`
      : `No key is saved for "${record.name}". Edit the connection and enter its key.`,
  };
}

function notSaved(path: string): AppError {
  return {
    kind: 'internal',
    message: `The settings file ${path} could not be written, so nothing was saved. Check that the disk is not full and the file is writable, then try again.`,
  };
}
