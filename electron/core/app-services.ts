import type { AppInfo } from '../../shared/ipc/contract';
import { createActivityLog } from './activity/activity-log';
import { loggedFetch } from './activity/logged-fetch';
import { createConnectionsRepository } from './connections/connections-repository';
import { createConnectionsService } from './connections/connections-service';
import { createDatasetsClient } from './datasets/client';
import { createDraftsService } from './drafts/drafts-service';
import { createHandlers } from './handlers';
import { openHistoryStore } from './history/open-history-store';
import { createDispatcher } from './ipc/dispatcher';
import type { Dispatch } from './ipc/dispatcher';
import { startLocalEmulator } from './local-emulator';
import type { LocalEmulator } from './local-emulator';
import { fingerprintKeyFrom } from './secrets/fingerprint-key';
import type { SecretCipher } from './secrets/secret-cipher';
import { createSecretVault } from './secrets/secret-vault';
import { withReadCache } from './settings/read-cache';
import { createThumbnailStore } from './storage/thumbnails';
import type { ThumbnailResult } from './storage/thumbnails';
import type { SettingsStore } from './settings/settings-store';

export interface AppServicesOptions {
  mode: AppInfo['mode'];
  version: string;
  dataDir: string;
  store: SettingsStore;
  cipher: SecretCipher;
  /** Electron's net.fetch in the app (system proxy and certificates), Node's fetch elsewhere. */
  fetch: typeof fetch;
  /** Unsaved edits: a store of its own, so a damaged drafts file costs nothing else. */
  draftsStore: SettingsStore;
  /** Things the shell already knows the user should hear about (a settings file moved aside). */
  notices?: string[];
  /** For unexpected failures; never handed a secret. */
  logError?: (message: string, error: unknown) => void;
  /**
   * The built-in "Local emulator" connection; on unless turned off (`--no-local-emulator`).
   * Off, the emulator's code is never loaded.
   */
  localEmulator?: boolean;
  /**
   * Local Blob Storage (Azurite) beside the Local emulator, with sample files its seeded
   * datasets point at; only where Azurite is installed. Off unless asked for: the shells turn
   * it on unless `--no-local-storage`.
   */
  localStorage?: boolean;
}

export interface AppServices {
  dispatch: Dispatch;
  /** Undefined when the built-in connection is turned off. */
  localEmulator: LocalEmulator | undefined;
  notices: string[];
  /** A checked file's sampled image, by the id its preview carries: bytes, or a problem in words. */
  readThumbnail(id: string): Promise<ThumbnailResult>;
  close(): Promise<void>;
}

/** Composes main's services; the Electron shell and browser mode both start the app from here. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const notices = [...(options.notices ?? [])];
  const addNotice = (message: string) => notices.push(message);
  if (options.cipher.info.notice) addNotice(options.cipher.info.notice);

  const store = withReadCache(options.store);
  const draftsStore = withReadCache(options.draftsStore);
  const vault = createSecretVault({
    store,
    cipher: options.cipher,
    onNotice: addNotice,
  });
  const localEmulator =
    options.localEmulator === false
      ? undefined
      : await startLocalEmulator(options.dataDir, vault, {
          localStorage: options.localStorage === true,
        });
  if (localEmulator?.notice) addNotice(localEmulator.notice);
  // Blob Storage starts beside the app; if it fails, the next load of the page says so.
  void localEmulator?.storage?.ready.then(({ notice }) => notice && addNotice(notice));
  const connections = createConnectionsService({
    repository: createConnectionsRepository({ store, vault, onNotice: addNotice }),
    builtIns: localEmulator ? [localEmulator.connection] : [],
  });
  const drafts = createDraftsService({ store: draftsStore, vault, onNotice: addNotice });
  // Every request main makes goes into the Activity view's log, the key and tokens left out.
  const activity = createActivityLog({ dataDir: options.dataDir, onNotice: addNotice });
  const datasetsFetch = loggedFetch(options.fetch, activity, { kind: 'datasets' });
  const storageFetch = loggedFetch(options.fetch, activity, { kind: 'storage' });
  const thumbnails = createThumbnailStore({ fetch: storageFetch });
  const history = openHistoryStore(options.dataDir);
  if (history.notice) addNotice(history.notice);
  const handlers = createHandlers({
    connections,
    drafts,
    fingerprintKey: await fingerprintKeyFrom(vault),
    storageFetch,
    activity,
    thumbnails,
    history: history.store,
    ...(options.logError && { logError: options.logError }),
    makeClient: ({ endpoint, key }) =>
      createDatasetsClient({ endpoint, key, fetch: datasetsFetch }),
    appInfo: () => ({
      mode: options.mode,
      version: options.version,
      secretStorage: options.cipher.info,
      notices: [...notices],
    }),
  });
  const dispatch = createDispatcher(handlers, (channel, error) =>
    options.logError?.(`The handler of ${channel} failed`, error),
  );

  return {
    dispatch,
    localEmulator,
    notices,
    readThumbnail: (id) => thumbnails.read(id),
    close: async () => {
      await localEmulator?.close();
      await activity.flush();
      history.store.close();
    },
  };
}
