import { createHmac, randomBytes } from 'node:crypto';
import type { Dataset } from '../../shared/contract/dataset';
import { redactDataset } from '../../shared/contract/redacted-dataset';
import type { RedactedDataset } from '../../shared/contract/redacted-dataset';
import type { AppInfo, ConnectionSummary } from '../../shared/ipc/contract';
import { ok } from '../../shared/ipc/errors';
import type { Result } from '../../shared/ipc/errors';
import type { DatasetsClient } from './datasets/client';
import type { HandlerTable } from './ipc/dispatcher';
import { createListingRegistry } from './listings';

/** What the handlers need of the connections service; the key never leaves main. */
export interface ConnectionsPort {
  list(): ConnectionSummary[];
  add(input: {
    name: string;
    endpoint: string;
    key: string;
    sessionOnly?: boolean;
  }): Promise<Result<ConnectionSummary>>;
  update(input: {
    id: string;
    name?: string;
    endpoint?: string;
    key?: string;
    sessionOnly?: boolean;
  }): Promise<Result<ConnectionSummary>>;
  remove(id: string): Promise<Result<null>>;
  getCredentials(id: string): Promise<Result<{ endpoint: string; key: string }>>;
}

export interface HandlerDeps {
  connections: ConnectionsPort;
  makeClient: (credentials: { endpoint: string; key: string }) => DatasetsClient;
  appInfo: () => AppInfo;
}

/**
 * The handler table both transports call (Electron IPC and the browser bridge). Every dataset
 * that leaves here is redacted: the page sees whether a SAS token is set, never the token.
 */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  // A per-run key: fingerprints tell the page that a token changed, and mean nothing elsewhere.
  const fingerprintKey = randomBytes(32);
  const fingerprint = (token: string) =>
    createHmac('sha256', fingerprintKey).update(token).digest('base64url').slice(0, 16);
  const redact = (d: Dataset): RedactedDataset => redactDataset(d, fingerprint);
  const listings = createListingRegistry();

  async function withClient<T>(
    connectionId: string,
    call: (client: DatasetsClient) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const credentials = await deps.connections.getCredentials(connectionId);
    if (!credentials.ok) return credentials;
    return call(deps.makeClient(credentials.value));
  }

  const redacted = async (pending: Promise<Result<Dataset>>): Promise<Result<RedactedDataset>> => {
    const result = await pending;
    return result.ok ? ok(redact(result.value)) : result;
  };

  return {
    'app:info': async () => ok(deps.appInfo()),
    'connections:list': async () => ok(deps.connections.list()),
    'connections:add': (request) => deps.connections.add(request),
    'connections:update': (request) => deps.connections.update(request),
    'connections:remove': (request) => deps.connections.remove(request.id),
    'connections:test': async (request) => {
      let credentials: Result<{ endpoint: string; key: string }>;
      if (
        request.id !== undefined &&
        (request.endpoint === undefined || request.key === undefined)
      ) {
        const saved = await deps.connections.getCredentials(request.id);
        if (!saved.ok) return saved;
        credentials = ok({
          endpoint: request.endpoint ?? saved.value.endpoint,
          key: request.key ?? saved.value.key,
        });
      } else {
        credentials = ok({ endpoint: request.endpoint ?? '', key: request.key ?? '' });
      }
      if (!credentials.ok) return credentials;
      const page = await deps.makeClient(credentials.value).listPage({ skip: 0, top: 1 });
      return page.ok ? ok({ datasetsOnFirstPage: page.value.value.length }) : page;
    },
    'datasets:listStart': (request) =>
      withClient(request.connectionId, (client) =>
        listings.start((push) => client.listAll({ onPage: (items) => push(items.map(redact)) })),
      ),
    'datasets:listMore': (request) => listings.more(request.listingId),
    'datasets:get': (request) =>
      withClient(request.connectionId, (client) => redacted(client.getDataset(request.name))),
    'datasets:register': (request) =>
      withClient(request.connectionId, (client) =>
        redacted(client.registerDataset(request.name, request.fields)),
      ),
    'datasets:update': (request) =>
      withClient(request.connectionId, (client) =>
        redacted(client.updateDataset(request.name, request.changes, { ifMatch: request.ifMatch })),
      ),
    'datasets:delete': (request) =>
      withClient(request.connectionId, (client) =>
        client.deleteDataset(request.name, { ifMatch: request.ifMatch }),
      ),
  };
}
