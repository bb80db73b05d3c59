import { createHmac, randomBytes } from 'node:crypto';
import type { Dataset, StorageAuthentication } from '../../shared/contract/dataset';
import { redactDataset } from '../../shared/contract/redacted-dataset';
import type { RedactedDataset } from '../../shared/contract/redacted-dataset';
import type { AppInfo } from '../../shared/ipc/contract';
import { ok } from '../../shared/ipc/errors';
import type { Result } from '../../shared/ipc/errors';
import { activityHandlers } from './activity/activity-handlers';
import { createActivityLog } from './activity/activity-log';
import type { ActivityLog } from './activity/activity-log';
import type { ConnectionCredentials, ConnectionsService } from './connections/connections-service';
import type { DatasetsClient } from './datasets/client';
import type { HandlerTable } from './ipc/dispatcher';
import type { DraftRef, DraftsService } from './drafts/drafts-service';
import { createListingRegistry } from './listings';
import { createHistoryRecorder } from './history/history-recorder';
import { createMemoryHistoryStore } from './history/history-store';
import type { HistoryStore } from './history/history-store';
import { startAnnotationCheck } from './storage/annotation-check';
import { browseContainer } from './storage/browse';
import { createCheckAllService } from './storage/check-all';
import { createCheckRegistry } from './storage/check-registry';
import { createFixedCopyService } from './storage/fixed-copy';
import { createBulkEditService } from './bulk-edit/bulk-edit-service';
import { resolveAccess } from './storage/storage-access';
import type { ThumbnailStore } from './storage/thumbnails';
import type { AccessOwner } from './storage/storage-access';
import type { StorageAccess } from '../../shared/storage/check-contract';

type AuthenticationChange = { kind: StorageAuthentication['kind']; sasToken?: string } | undefined;

/**
 * Fills in the SAS token kept with a draft when the page asks for it (it never has it back),
 * if it was typed for this draft and for where these credentials send it.
 */
async function withDraftToken(
  auth: AuthenticationChange,
  useDraftSasToken: boolean | undefined,
  drafts: DraftsService,
  ref: DraftRef,
  credentials: ConnectionCredentials,
): Promise<Result<StorageAuthentication | undefined>> {
  if (!auth) return ok(undefined);
  if (auth.kind !== 'sas' || auth.sasToken !== undefined || !useDraftSasToken) {
    return ok(auth as StorageAuthentication);
  }
  const token = await drafts.sasTokenOf(ref, credentials.destination);
  return token.ok ? ok({ kind: 'sas', sasToken: token.value }) : token;
}

export interface HandlerDeps {
  /** The keys it gives out go to makeClient only, never back to the page. */
  connections: ConnectionsService;
  drafts: DraftsService;
  makeClient: (credentials: { endpoint: string; key: string }) => DatasetsClient;
  appInfo: () => AppInfo;
  /** The HMAC key behind SAS token fingerprints. */
  fingerprintKey?: Buffer;
  /** How annotation files and images are read from Blob Storage; Node's fetch unless given. */
  storageFetch?: typeof fetch;
  /** For unexpected failures inside a running check; never handed a secret. */
  logError?: (message: string, error: unknown) => void;
  /** Keeps the sampled images of checks for the page to preview; no previews without. */
  thumbnails?: ThumbnailStore;
  /** The requests main made, for the Activity view; this run's only when not given. */
  activity?: ActivityLog;
  /** Every version seen, kept on disk by the app; in memory for this run when not given. */
  history?: HistoryStore;
}

/**
 * The handler table both transports call (Electron IPC and the browser bridge). Every dataset
 * that leaves here is redacted: the page sees whether a SAS token is set, never the token.
 */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  // Fingerprints tell the page that a token changed, and mean nothing elsewhere; the key is kept
  // across restarts when the app can (secrets/fingerprint-key.ts), else one per run.
  const fingerprintKey = deps.fingerprintKey ?? randomBytes(32);
  const fingerprint = (token: string) =>
    createHmac('sha256', fingerprintKey).update(token).digest('base64url').slice(0, 16);
  const redact = (d: Dataset): RedactedDataset => redactDataset(d, fingerprint);
  const listings = createListingRegistry();
  const history = createHistoryRecorder(deps.history ?? createMemoryHistoryStore(), deps.logError);
  const checks = createCheckRegistry();
  const storageFetch = deps.storageFetch ?? globalThis.fetch;
  const fixes = createFixedCopyService({ fetch: storageFetch });
  const checkAll = createCheckAllService({
    fetch: storageFetch,
    onUnexpected: (error) => deps.logError?.('A check of every dataset failed', error),
  });
  const bulkEdits = createBulkEditService({
    clientFor: async (connectionId) => {
      const credentials = await deps.connections.getCredentials(connectionId);
      return credentials.ok ? ok(deps.makeClient(credentials.value)) : credentials;
    },
    fingerprint,
    redact: (d) => redact(d),
    onUnexpected: (error) => deps.logError?.('An edit of several datasets failed', error),
    onVersion: (connectionId, source, dataset) =>
      void history.seen(connectionId, source, Promise.resolve(ok(redact(dataset)))),
  });

  async function withClient<T>(
    connectionId: string,
    call: (client: DatasetsClient, credentials: ConnectionCredentials) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const credentials = await deps.connections.getCredentials(connectionId);
    if (!credentials.ok) return credentials;
    return call(deps.makeClient(credentials.value), credentials.value);
  }

  const redacted = async (pending: Promise<Result<Dataset>>): Promise<Result<RedactedDataset>> => {
    const result = await pending;
    return result.ok ? ok(redact(result.value)) : result;
  };

  /**
   * A register or update whose draft may hold the SAS token to send. The token is checked against
   * the very credentials the request then goes out with; once saved, the edits are no longer a
   * draft (the page drops its copy too).
   */
  async function writeFromDraft(
    draft: DraftRef,
    given: AuthenticationChange,
    useDraftSasToken: boolean | undefined,
    write: (
      client: DatasetsClient,
      auth: StorageAuthentication | undefined,
    ) => Promise<Result<Dataset>>,
  ): Promise<Result<RedactedDataset>> {
    const result = await withClient(draft.connectionId, async (client, credentials) => {
      const auth = await withDraftToken(given, useDraftSasToken, deps.drafts, draft, credentials);
      return auth.ok ? redacted(write(client, auth.value)) : auth;
    });
    if (result.ok) deps.drafts.discard(draft);
    return result;
  }

  /**
   * The token a browse or a check reads with: typed by the page, or looked up here (the saved
   * dataset's, with the connection's credentials; a draft's, for where the connection points).
   */
  const storageAccess = (owner: AccessOwner, access: StorageAccess) =>
    resolveAccess(access, owner, {
      savedDataset: (name) => withClient(owner.connectionId, (client) => client.getDataset(name)),
      draft: (ref) =>
        deps.drafts
          .list()
          .find((d) => d.connectionId === ref.connectionId && d.datasetName === ref.datasetName),
      draftToken: (ref) =>
        withClient(ref.connectionId, (_client, credentials) =>
          deps.drafts.sasTokenOf(ref, credentials.destination),
        ),
    });

  return {
    'storage:browse': async (request) => {
      const access = await storageAccess(request, request.access);
      if (!access.ok) return access;
      return browseContainer({
        location: request.location,
        ...(request.prefix !== undefined && { prefix: request.prefix }),
        access: access.value,
        fetch: storageFetch,
      });
    },
    'checks:start': async (request) => {
      const access = await storageAccess(request, request.access);
      if (!access.ok) return access;
      return checks.start(
        startAnnotationCheck({
          checkId: checks.newId(),
          uris: request.uris,
          kind: request.kind,
          purpose: request.purpose,
          images: request.images,
          access: access.value,
          fetch: storageFetch,
          ...(deps.thumbnails && { thumbnails: deps.thumbnails }),
          onUnexpected: (error) => deps.logError?.('An annotation check failed', error),
        }),
      );
    },
    'checks:progress': (request) => checks.progress(request.checkId),
    'checks:cancel': async (request) => checks.cancel(request.checkId),
    'fixes:prepare': async (request) => {
      const access = await storageAccess(request, request.access);
      if (!access.ok) return access;
      return fixes.prepare({
        uri: request.uri,
        kind: request.kind,
        ...(request.cocoUrlBase !== undefined && { cocoUrlBase: request.cocoUrlBase }),
        access: access.value,
      });
    },
    'fixes:upload': (request) => fixes.upload(request.fixId),
    'fixes:download': async (request) => fixes.download(request.fixId),
    'checkAll:start': (request) =>
      withClient(request.connectionId, (client) =>
        checkAll.start({ ...request, list: () => client.listAll() }),
      ),
    'checkAll:progress': (request) => checkAll.progress(request.runId),
    'checkAll:cancel': async (request) => checkAll.cancel(request.runId),
    'bulk:start': (request) => bulkEdits.start(request),
    'bulk:progress': (request) => bulkEdits.progress(request.runId),
    'bulk:cancel': async (request) => bulkEdits.cancel(request.runId),
    ...activityHandlers(deps.activity ?? createActivityLog(), deps.connections),
    'app:info': async () => ok(deps.appInfo()),
    'connections:list': async () => ok(deps.connections.list()),
    'connections:add': (request) => deps.connections.add(request),
    'connections:update': (request) => deps.connections.update(request),
    'connections:remove': (request) => deps.connections.remove(request.id),
    'connections:test': async (request) => {
      // The form's endpoint and key, where given, over the saved connection's (the schema
      // ensures one of the two is complete); the saved key only for the origin it was saved for.
      let credentials = { endpoint: request.endpoint ?? '', key: request.key ?? '' };
      if (
        request.id !== undefined &&
        (request.endpoint === undefined || request.key === undefined)
      ) {
        const saved = await deps.connections.getCredentials(request.id, {
          ...(request.endpoint !== undefined && { endpoint: request.endpoint }),
          ...(request.key !== undefined && { key: request.key }),
        });
        if (!saved.ok) return saved;
        credentials = saved.value;
      }
      const page = await deps.makeClient(credentials).listPage({ skip: 0, top: 1 });
      return page.ok ? ok({ datasetsOnFirstPage: page.value.value.length }) : page;
    },
    'datasets:listStart': (request) =>
      withClient(request.connectionId, (client) =>
        listings.start((push) => client.listAll({ onPage: (items) => push(items.map(redact)) })),
      ),
    'datasets:listMore': (request) => listings.more(request.listingId),
    'datasets:get': (request) =>
      withClient(request.connectionId, (client) =>
        history.seen(
          request.connectionId,
          request.afterConflict ? 'theirs' : 'loaded',
          redacted(client.getDataset(request.name)),
        ),
      ),
    'history:list': async (request) => history.list(request),
    'datasets:register': (request) => {
      const { authentication, ...fields } = request.fields;
      // The draft of a dataset not registered yet: its name is still being typed with the rest.
      const saved = writeFromDraft(
        { connectionId: request.connectionId, datasetName: null },
        authentication,
        request.useDraftSasToken,
        (client, auth) =>
          client.registerDataset(request.name, {
            ...fields,
            ...(auth && { authentication: auth }),
          }),
      );
      return history.seen(request.connectionId, 'saved', saved);
    },
    'datasets:update': (request) => {
      const { authentication, ...changes } = request.changes;
      const saved = writeFromDraft(
        { connectionId: request.connectionId, datasetName: request.name },
        authentication,
        request.useDraftSasToken,
        (client, auth) =>
          client.updateDataset(
            request.name,
            { ...changes, ...(auth && { authentication: auth }) },
            { ifMatch: request.ifMatch },
          ),
      );
      return history.seen(request.connectionId, 'saved', saved);
    },
    'drafts:list': async () => ok(deps.drafts.list()),
    'drafts:save': (request) => {
      // A typed token is bound to where its connection points now; unknown: never sent.
      const destination = deps.connections.destinationOf(request.connectionId);
      return deps.drafts.save(request, destination.ok ? destination.value : undefined);
    },
    'drafts:discard': async (request) => deps.drafts.discard(request),
    'datasets:delete': (request) =>
      withClient(request.connectionId, (client) =>
        history.deleting(
          request,
          () => redacted(client.getDataset(request.name)),
          () => client.deleteDataset(request.name, { ifMatch: request.ifMatch }),
        ),
      ),
  };
}
