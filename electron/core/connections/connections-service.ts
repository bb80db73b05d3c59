import { randomUUID } from 'node:crypto';
import { checkEndpoint } from '../../../shared/contract/endpoint';
import type { ConnectionSummary, ParsedRequestOf } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { AppError, Result } from '../../../shared/ipc/errors';
import type { ConnectionsRepository, StoredConnection } from './connections-repository';
import { keyOnlyFor, originOf } from './key-origin';

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

/** Requests as the IPC contract's schemas leave them: checked, names trimmed. */
export type AddConnectionRequest = ParsedRequestOf<'connections:add'>;
export type UpdateConnectionRequest = ParsedRequestOf<'connections:update'>;
/** What the connection form holds, used over the saved connection's own endpoint and key. */
export type TypedCredentials = Pick<ParsedRequestOf<'connections:test'>, 'endpoint' | 'key'>;

export interface ConnectionsServiceOptions {
  repository: ConnectionsRepository;
  builtIns?: readonly BuiltInConnection[];
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

/**
 * The rules of connections: unique names, built-ins left alone, a saved key bound to the origin
 * it was typed for. Requests come checked by the IPC contract; what is saved, and how, is the
 * repository's business.
 */
export function createConnectionsService({
  repository,
  builtIns: givenBuiltIns = [],
}: ConnectionsServiceOptions): ConnectionsService {
  // Shown like saved ones, so the same endpoint reads the same wherever it came from.
  const builtIns = givenBuiltIns.map((b) => {
    const check = checkEndpoint(b.endpoint);
    return check.ok ? { ...b, endpoint: check.endpoint } : b;
  });
  const oneAtATime = serially();

  function summary(record: StoredConnection): ConnectionSummary {
    const keyStorage = repository.keyStorage(record.id);
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
    const all = [...builtIns, ...repository.all()];
    const other = all.find((c) => c.id !== exceptId && c.name.toLocaleLowerCase() === lower);
    if (!other) return undefined;
    const message = `A connection named "${other.name}" already exists. Choose another name.`;
    return fail({ kind: 'badRequest', message, details: [{ field: 'name', message }] });
  }

  function editable(id: string): Result<StoredConnection> {
    const builtIn = builtIns.find((b) => b.id === id);
    if (builtIn) {
      return fail({
        kind: 'badRequest',
        message: `"${builtIn.name}" is built into the app; it cannot be changed or removed.`,
      });
    }
    const record = repository.find(id);
    return record ? ok(record) : fail(unknownConnection());
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
    if (repository.keyStorage(record.id) === 'none') return undefined;
    const refused = keyOnlyFor(record.keyOrigin, endpoint);
    return refused ? fail(refused) : undefined;
  }

  function destinationFor(connection: { id: string; endpoint: string }): string {
    return builtIns.some((b) => b.id === connection.id)
      ? `built-in:${connection.id}`
      : originOf(connection.endpoint);
  }

  return {
    list() {
      const saved = repository
        .all()
        .map(summary)
        .sort(
          (a, b) =>
            a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) ||
            a.id.localeCompare(b.id),
        );
      return [...builtIns.map(builtInSummary), ...saved];
    },

    add: (request) =>
      oneAtATime(async () => {
        const { name, key, sessionOnly } = request;
        const endpoint = normalised(request.endpoint);
        const taken = nameTaken(name);
        if (taken) return taken;

        const id = randomUUID();
        const secret = await repository.prepareKey(id, key, sessionOnly);
        if (!secret.ok) return fail(notSavedBecause(secret.error));
        const record: StoredConnection = { id, name, endpoint, keyOrigin: originOf(endpoint) };
        const saved = repository.save(record, secret.value);
        return saved.ok ? ok(summary(record)) : saved;
      }),

    update: (request) =>
      oneAtATime(async () => {
        const { id, name, key, sessionOnly } = request;
        const existing = editable(id);
        if (!existing.ok) return existing;
        const endpoint = request.endpoint === undefined ? undefined : normalised(request.endpoint);
        if (name !== undefined) {
          const taken = nameTaken(name, id);
          if (taken) return taken;
        }
        const keyStaysBehind = keyLeftBehind(existing.value, endpoint, key);
        if (keyStaysBehind) return keyStaysBehind;

        // A new key, or the saved one moved when only "this session only" changes.
        const secret =
          key !== undefined
            ? await repository.prepareKey(id, key, sessionOnly)
            : sessionOnly !== undefined
              ? await repository.prepareKeyMove(id, sessionOnly)
              : ok(undefined);
        if (!secret.ok) return fail(notSavedBecause(secret.error));
        const record: StoredConnection = {
          ...existing.value,
          ...(name !== undefined && { name }),
          ...(endpoint !== undefined && { endpoint }),
          // A typed key is meant for the endpoint the user saw in the form.
          ...(key !== undefined && { keyOrigin: originOf(endpoint ?? existing.value.endpoint) }),
        };
        const saved = repository.save(record, secret.value);
        return saved.ok ? ok(summary(record)) : saved;
      }),

    remove: (id) =>
      oneAtATime(async () => {
        const existing = editable(id);
        return existing.ok ? repository.remove(id) : existing;
      }),

    async getCredentials(id, typed = {}) {
      const endpoint = typed.endpoint === undefined ? undefined : normalised(typed.endpoint);
      const builtIn = builtIns.find((b) => b.id === id);
      const record = builtIn ? undefined : repository.find(id);
      const saved = builtIn ?? record;
      if (!saved) return fail(unknownConnection());
      const target = endpoint ?? saved.endpoint;
      const destination = endpoint !== undefined ? originOf(endpoint) : destinationFor(saved);
      const withKey = (key: string) => ok({ endpoint: target, key, destination });
      if (typed.key !== undefined) return withKey(typed.key);
      if (builtIn) {
        const refused = keyOnlyFor(originOf(builtIn.endpoint), target);
        return refused ? fail(refused) : withKey(builtIn.key);
      }
      if (!record) return fail(unknownConnection());
      const key = await repository.keyFor(record, target);
      return key.ok ? withKey(key.value) : key;
    },

    destinationOf(id) {
      const saved = builtIns.find((b) => b.id === id) ?? repository.find(id);
      return saved ? ok(destinationFor(saved)) : fail(unknownConnection());
    },
  };
}

/**
 * Runs changes one after another, so each checks its rules against what the one before saved:
 * two adds of the same name, or a removal while an update encrypts its key, cannot cross.
 */
function serially(): <T>(change: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (change) => {
    const next = last.then(change);
    last = next.catch(() => undefined);
    return next;
  };
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
 * The one form an endpoint is saved and compared in. The contract's schema has refused any
 * endpoint this cannot read, so a failure here is a caller that skipped it: a bug, not input.
 */
function normalised(endpoint: string): string {
  const check = checkEndpoint(endpoint);
  if (!check.ok) throw new Error(`An endpoint that skipped the request check: ${check.message}`);
  return check.endpoint;
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
