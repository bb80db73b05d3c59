import { randomUUID } from 'node:crypto';
import { checkEndpoint } from '../../../shared/contract/endpoint';
import { fieldProblems } from '../../../shared/contract/issues';
import { ipcContract } from '../../../shared/ipc/contract';
import type { ConnectionSummary, ParsedRequestOf, RequestOf } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { AppError, Result } from '../../../shared/ipc/errors';
import type { PreparedSecret, SecretVault } from '../secrets/secret-vault';
import type { SettingsStore } from '../settings/settings-store';
import {
  CONNECTIONS_KEY,
  readConnectionRecords,
  writeConnectionRecords,
} from './connection-records';
import type { ConnectionRecords, StoredConnection } from './connection-records';
import { keyTypedForAnotherOrigin, originOf } from './key-origin';

/** A connection the app supplies at start (the in-process emulator): never saved, never edited. */
export interface BuiltInConnection {
  id: string;
  name: string;
  endpoint: string;
  key: string;
}

export interface ConnectionCredentials {
  endpoint: string;
  key: string;
  /**
   * Where this connection's secrets may go, for a draft's SAS token to be checked against: the
   * origin of its endpoint; for a built-in connection, whose port changes at every start but
   * which the page can never point elsewhere, a name that stays the same across starts.
   */
  destination: string;
}

/** What the connection form holds, used over the saved connection's own endpoint and key. */
export interface TypedCredentials {
  endpoint?: string;
  key?: string;
}

export type AddConnectionRequest = RequestOf<'connections:add'>;
export type UpdateConnectionRequest = RequestOf<'connections:update'>;

export interface ConnectionsServiceOptions {
  store: SettingsStore;
  vault: SecretVault;
  builtIns?: readonly BuiltInConnection[];
  /** Told about damaged saved connections, once each; never given a key. */
  onNotice?: (message: string) => void;
}

export interface ConnectionsService {
  list(): ConnectionSummary[];
  add(request: AddConnectionRequest): Promise<Result<ConnectionSummary>>;
  update(request: UpdateConnectionRequest): Promise<Result<ConnectionSummary>>;
  remove(id: string): Promise<Result<null>>;
  /**
   * For main's own calls to the service only: the page never receives a key. The one way to a
   * saved key, which it gives only for the origin it was saved for (see key-origin.ts); a typed
   * endpoint or key, where given, is used instead of the saved one.
   */
  getCredentials(id: string, typed?: TypedCredentials): Promise<Result<ConnectionCredentials>>;
  /** The destination (see ConnectionCredentials) a SAS token typed now is meant for. */
  destinationOf(id: string): Result<string>;
}

export function connectionSecretId(connectionId: string): string {
  return `connection:${connectionId}`;
}

export function createConnectionsService({
  store,
  vault,
  builtIns: givenBuiltIns = [],
  onNotice = () => {},
}: ConnectionsServiceOptions): ConnectionsService {
  // Shown like saved ones, so the same endpoint reads the same wherever it came from.
  const builtIns = givenBuiltIns.map((b) => {
    const check = checkEndpoint(b.endpoint);
    return check.ok ? { ...b, endpoint: check.endpoint } : b;
  });
  const told = new Set<string>();
  const notice = (message: string) => {
    if (told.has(message)) return;
    told.add(message);
    onNotice(message);
  };
  const read = () => readConnectionRecords(store, notice);

  function summary(record: StoredConnection): ConnectionSummary {
    const keyStorage = vault.storageOf(connectionSecretId(record.id));
    return {
      id: record.id,
      name: record.name,
      endpoint: record.endpoint,
      hasKey: keyStorage !== 'none',
      builtIn: false,
      keyStorage,
    };
  }

  function nameTaken(name: string, exceptId?: string): Result<never> | undefined {
    const lower = name.toLocaleLowerCase();
    const all = [...builtIns, ...read().valid];
    const other = all.find((c) => c.id !== exceptId && c.name.toLocaleLowerCase() === lower);
    if (!other) return undefined;
    const message = `A connection named "${other.name}" already exists. Choose another name.`;
    return fail({ kind: 'badRequest', message, details: [{ field: 'name', message }] });
  }

  function find(id: string, records: ConnectionRecords): Result<StoredConnection> {
    if (builtIns.some((b) => b.id === id)) return builtInRefused(id);
    const record = records.valid.find((r) => r.id === id);
    return record ? ok(record) : fail(unknownConnection());
  }

  function builtInRefused(id: string): Result<never> {
    const name = builtIns.find((b) => b.id === id)?.name ?? id;
    return fail({
      kind: 'badRequest',
      message: `"${name}" is built into the app; it cannot be changed or removed.`,
    });
  }

  /**
   * Saves the records, then the key (or its removal): if either write fails, the records are
   * put back, so the user never ends up with half a change.
   */
  function save(records: ConnectionRecords, thenSecret: () => void = () => {}): Result<null> {
    const before = store.get(CONNECTIONS_KEY);
    try {
      writeConnectionRecords(store, records);
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
    list() {
      const saved = read()
        .valid.map(summary)
        .sort(
          (a, b) =>
            a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) ||
            a.id.localeCompare(b.id),
        );
      return [...builtIns.map(builtInSummary), ...saved];
    },

    async add(request) {
      const parsed = parse('connections:add', request);
      if (!parsed.ok) return parsed;
      const { name, key, sessionOnly } = parsed.value;
      const endpoint = normalisedEndpoint(parsed.value.endpoint);
      if (!endpoint.ok) return endpoint;
      const taken = nameTaken(name);
      if (taken) return taken;

      const id = randomUUID();
      const secret = await vault.prepareSecret(connectionSecretId(id), key, { sessionOnly });
      if (!secret.ok) return fail(notSavedBecause(secret.error));

      // Checked again: another request may have taken the name while the key was encrypted.
      const takenMeanwhile = nameTaken(name);
      if (takenMeanwhile) return takenMeanwhile;
      const records = read();
      const record: StoredConnection = {
        id,
        name,
        endpoint: endpoint.value,
        keySessionOnly: secret.value.storage === 'session',
        keyOrigin: originOf(endpoint.value),
      };
      records.valid.push(record);
      const saved = save(records, () => secret.value.commit());
      return saved.ok ? ok(summary(record)) : saved;
    },

    async update(request) {
      const parsed = parse('connections:update', request);
      if (!parsed.ok) return parsed;
      const { id, name, key, sessionOnly } = parsed.value;
      const existing = find(id, read());
      if (!existing.ok) return existing;
      let endpoint: string | undefined;
      if (parsed.value.endpoint !== undefined) {
        const checked = normalisedEndpoint(parsed.value.endpoint);
        if (!checked.ok) return checked;
        endpoint = checked.value;
      }
      if (name !== undefined) {
        const taken = nameTaken(name, id);
        if (taken) return taken;
      }
      const keyStaysBehind = keyLeftBehind(existing.value, endpoint, key);
      if (keyStaysBehind) return keyStaysBehind;

      const secret = await preparedKey(id, key, sessionOnly);
      if (!secret.ok) return secret;

      // Read again: the connection may have been renamed or removed while the key was encrypted.
      const records = read();
      const current = find(id, records);
      if (!current.ok) return current;
      if (name !== undefined) {
        const taken = nameTaken(name, id);
        if (taken) return taken;
      }
      const keyStaysBehindNow = keyLeftBehind(current.value, endpoint, key);
      if (keyStaysBehindNow) return keyStaysBehindNow;
      const record: StoredConnection = {
        ...current.value,
        ...(name !== undefined && { name }),
        ...(endpoint !== undefined && { endpoint }),
        ...(secret.value && { keySessionOnly: secret.value.storage === 'session' }),
        // A typed key is meant for the endpoint the user saw in the form. Should another update
        // have moved the connection meanwhile, the two no longer match and the key is refused.
        ...(key !== undefined && { keyOrigin: originOf(endpoint ?? existing.value.endpoint) }),
      };
      records.valid = records.valid.map((r) => (r.id === id ? record : r));
      const saved = save(records, () => secret.value?.commit());
      return saved.ok ? ok(summary(record)) : saved;
    },

    async remove(id) {
      const records = read();
      const existing = find(id, records);
      if (!existing.ok) return existing;
      records.valid = records.valid.filter((r) => r.id !== id);
      return save(records, () => vault.deleteSecret(connectionSecretId(id)));
    },

    async getCredentials(id, typed = {}) {
      let endpoint: string | undefined;
      if (typed.endpoint !== undefined) {
        const checked = normalisedEndpoint(typed.endpoint);
        if (!checked.ok) return checked;
        endpoint = checked.value;
      }
      const builtIn = builtIns.find((b) => b.id === id);
      const record = builtIn ? undefined : read().valid.find((r) => r.id === id);
      const saved = builtIn ?? record;
      if (!saved) return fail(unknownConnection());
      const target = endpoint ?? saved.endpoint;
      const destination = endpoint !== undefined ? originOf(endpoint) : destinationFor(saved);
      const withKey = (key: string) => ok({ endpoint: target, key, destination });
      if (typed.key !== undefined) return withKey(typed.key);
      if (builtIn) return keyOnlyFor(originOf(builtIn.endpoint), target) ?? withKey(builtIn.key);
      if (!record) return fail(unknownConnection());

      const secretId = connectionSecretId(record.id);
      if (vault.storageOf(secretId) === 'none') {
        return fail({
          kind: 'keyUnavailable',
          message: record.keySessionOnly
            ? `The key of "${record.name}" was kept for the session only, so it was forgotten when the app closed. Edit the connection and enter the key again.`
            : `No key is saved for "${record.name}". Edit the connection and enter its key.`,
        });
      }
      // Checked before the key is even decrypted.
      const refused = keyOnlyFor(record.keyOrigin, target);
      if (refused) return refused;
      const key = await vault.getSecret(secretId);
      if (!key.ok) {
        return fail({
          ...key.error,
          message: `Cannot use the connection "${record.name}". ${key.error.message}`,
        });
      }
      return withKey(key.value);
    },

    destinationOf(id) {
      const saved = builtIns.find((b) => b.id === id) ?? read().valid.find((r) => r.id === id);
      return saved ? ok(destinationFor(saved)) : fail(unknownConnection());
    },
  };

  function destinationFor(connection: { id: string; endpoint: string }): string {
    return builtIns.some((b) => b.id === connection.id)
      ? `built-in:${connection.id}`
      : originOf(connection.endpoint);
  }

  /** The one check between a saved key and the network: its origin, or a clear refusal. */
  function keyOnlyFor(keyOrigin: string, endpoint: string): Result<never> | undefined {
    const wanted = originOf(endpoint);
    return wanted === keyOrigin ? undefined : fail(keyTypedForAnotherOrigin(keyOrigin, wanted));
  }

  /**
   * An update that moves a connection to another origin without a newly typed key would take
   * the saved key along; refused, so the key is typed again for the new place. With no key
   * saved there is nothing to take along, and the move is fine.
   */
  function keyLeftBehind(
    record: StoredConnection,
    endpoint: string | undefined,
    key: string | undefined,
  ): Result<never> | undefined {
    if (key !== undefined || endpoint === undefined) return undefined;
    if (vault.storageOf(connectionSecretId(record.id)) === 'none') return undefined;
    return keyOnlyFor(record.keyOrigin, endpoint);
  }

  /**
   * The key to save with an update: a new key, or the saved one moved when only where it is
   * kept changes (the user ticked or unticked "this session only"). Undefined: keep as is.
   */
  async function preparedKey(
    id: string,
    key: string | undefined,
    sessionOnly: boolean | undefined,
  ): Promise<Result<PreparedSecret | undefined>> {
    const secretId = connectionSecretId(id);
    if (key !== undefined) {
      const prepared = await vault.prepareSecret(secretId, key, { sessionOnly });
      return prepared.ok ? prepared : fail(notSavedBecause(prepared.error));
    }
    const storage = vault.storageOf(secretId);
    const wanted = sessionOnly || !vault.info.persistent ? 'session' : 'persistent';
    if (sessionOnly === undefined || storage === 'none' || storage === wanted) return ok(undefined);
    const saved = await vault.getSecret(secretId);
    if (!saved.ok) return fail(notSavedBecause(saved.error));
    const prepared = await vault.prepareSecret(secretId, saved.value, { sessionOnly });
    return prepared.ok ? prepared : fail(notSavedBecause(prepared.error));
  }
}

function builtInSummary(builtIn: BuiltInConnection): ConnectionSummary {
  return {
    id: builtIn.id,
    name: builtIn.name,
    endpoint: builtIn.endpoint,
    hasKey: true,
    builtIn: true,
    // Its key is made up at each start and lives in memory only.
    keyStorage: 'session',
  };
}

/**
 * The dispatcher has validated IPC requests already; checked again because main calls the
 * service directly too, and the same rules must hold whoever calls.
 */
function parse<C extends 'connections:add' | 'connections:update'>(
  channel: C,
  request: RequestOf<C>,
): Result<ParsedRequestOf<C>> {
  const parsed = ipcContract[channel].request.safeParse(request);
  if (parsed.success) return ok(parsed.data as ParsedRequestOf<C>);
  const details = fieldProblems(parsed.error);
  const first = details[0];
  return fail({
    kind: 'badRequest',
    message: first ? first.message : 'The connection is incomplete.',
    details,
  });
}

function normalisedEndpoint(endpoint: string): Result<string> {
  const check = checkEndpoint(endpoint);
  if (check.ok) return ok(check.endpoint);
  return fail({
    kind: 'badRequest',
    message: check.message,
    details: [{ field: 'endpoint', message: check.message }],
  });
}

function unknownConnection(): AppError {
  return {
    kind: 'unknownConnection',
    message: 'This connection no longer exists. Refresh the list of connections.',
  };
}

function notSavedBecause(error: AppError): AppError {
  return { ...error, message: `${error.message} Nothing was saved.` };
}

function notSaved(path: string): AppError {
  return {
    kind: 'internal',
    message: `The settings file ${path} could not be written, so nothing was saved. Check that the disk is not full and the file is writable, then try again.`,
  };
}
