import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { RunningEmulator, SeedStorage } from '../../emulator/server';
import type { RunningAzurite } from '../../emulator/storage/azurite';
import { aesGcmCodec } from './at-rest-codec';
import type { SecretVault } from './secrets/secret-vault';

export const LOCAL_EMULATOR_ID = 'local-emulator';
export const LOCAL_EMULATOR_NAME = 'Local emulator';
/** The vault id of the key that encrypts the emulator's data file. */
export const LOCAL_EMULATOR_DATA_KEY_ID = 'local-emulator:data-key';

export interface LocalEmulator {
  emulator: RunningEmulator;
  /** The built-in connection: its endpoint and key change at every start and are never saved. */
  connection: { id: string; name: string; endpoint: string; key: string };
  /** Local Blob Storage holding the sample files; absent when off or not installed. */
  storage?: {
    blobEndpoint: string;
    containerUrl: string;
    /**
     * Settles once Storage listens with the sample files in it (or failed to: its notice says
     * why). The app does not wait for it to start: the emulator answers meanwhile.
     */
    ready: Promise<{ notice?: string }>;
  };
  notice?: string;
  /** Stops the emulator and its Blob Storage. */
  close(): Promise<void>;
}

export interface LocalEmulatorOptions {
  /**
   * Also run local Blob Storage (Azurite, in memory) with the sample files, and point the
   * datasets seeded into a new data file at them. Only where Azurite is installed (a
   * development checkout; a packaged app comes without it). Default off.
   */
  localStorage?: boolean;
}

/**
 * The key that encrypts the emulator's file: its datasets hold SAS tokens, and the file lies in
 * the user's data folder. Kept in the vault like connection keys; none when the vault cannot
 * keep anything across restarts.
 */
async function dataKeyFrom(vault: SecretVault): Promise<Buffer | undefined> {
  if (!vault.info.persistent) return undefined;
  if (vault.hasSecret(LOCAL_EMULATOR_DATA_KEY_ID)) {
    const kept = await vault.getSecret(LOCAL_EMULATOR_DATA_KEY_ID);
    if (kept.ok) return Buffer.from(kept.value, 'base64');
  }
  const fresh = randomBytes(32);
  const saved = await vault.setSecret(LOCAL_EMULATOR_DATA_KEY_ID, fresh.toString('base64'));
  return saved.ok ? fresh : undefined;
}

interface RunningStorage {
  blobEndpoint: string;
  seed: SeedStorage & { containerUrl: string };
  ready: Promise<{ notice?: string }>;
  stop(): Promise<void>;
}

function builtIn(
  emulator: RunningEmulator,
  key: string,
  storage: RunningStorage | undefined,
  notices: (string | undefined)[],
): LocalEmulator {
  const notice = notices.filter(Boolean).join(' ');
  return {
    emulator,
    connection: { id: LOCAL_EMULATOR_ID, name: LOCAL_EMULATOR_NAME, endpoint: emulator.url, key },
    ...(storage
      ? {
          storage: {
            blobEndpoint: storage.blobEndpoint,
            containerUrl: storage.seed.containerUrl,
            ready: storage.ready,
          },
        }
      : {}),
    ...(notice ? { notice } : {}),
    close: async () => {
      try {
        await emulator.close();
      } finally {
        await storage?.stop();
      }
    },
  };
}

const PORT_FILE = 'port';
/** Blob Storage's port, kept for the same reason: the seeded datasets' URIs name it. */
const STORAGE_PORT_FILE = 'storage-port';

function keptPort(folder: string, file: string): number | undefined {
  try {
    const port = Number(readFileSync(join(folder, file), 'utf8').trim());
    return Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined;
  } catch {
    return undefined;
  }
}

function isPortUnavailable(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}

/**
 * On the port it had last time when that is free, else on any free one: the built-in
 * connection's address then stays the same across restarts, and with it where a SAS token typed
 * in a draft may be sent (a draft's token is bound to its connection's origin, port included).
 */
async function onKeptPort<T extends { port: number }>(
  folder: string,
  file: string,
  start: (port: number) => Promise<T>,
  isUnavailable: (error: unknown) => boolean = isPortUnavailable,
): Promise<T> {
  const kept = keptPort(folder, file);
  let running: T | undefined;
  if (kept !== undefined) {
    try {
      running = await start(kept);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
    }
  }
  running ??= await start(0);
  try {
    writeFileSync(join(folder, file), String(running.port), { mode: 0o600 });
  } catch {
    // Only the port's stability is lost: the next start picks another free one.
  }
  return running;
}

interface StorageStart {
  storage?: RunningStorage;
  notice?: string;
}

/** The kept port when nothing listens on it, else one the system has free now. */
async function freePort(kept: number | undefined): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const got = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolve(got));
      });
    });
  const port = (kept !== undefined ? await tryPort(kept) : undefined) ?? (await tryPort(0));
  if (port === undefined) throw new Error('no free loopback port');
  return port;
}

/**
 * Local Blob Storage with the sample files, on the port it had last time when free, so URIs
 * saved in the data file still lead to it. Where the files will be, and the token to read them,
 * are known before Azurite runs (sampleStoragePlan), so the emulator seeds and starts at once
 * while Azurite starts beside it (about 1.5 s): the app's start never waits for it. A failure
 * costs the samples' files only: the emulator runs anyway, and the user is told.
 */
async function startStorage(folder: string): Promise<StorageStart> {
  const { AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY, azuriteAvailable, startAzurite } =
    await import('../../emulator/storage/azurite');
  if (!azuriteAvailable()) return {};
  const { sampleStoragePlan, uploadSampleFiles } =
    await import('../../emulator/storage/seed-storage');
  const failed = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    return `Local Blob Storage with the sample files could not start (${reason}); the Local emulator runs without it.`;
  };
  let port: number;
  try {
    port = await freePort(keptPort(folder, STORAGE_PORT_FILE));
  } catch (error) {
    return { notice: failed(error) };
  }
  const account = {
    blobEndpoint: `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`,
    accountName: AZURITE_ACCOUNT,
    accountKey: AZURITE_ACCOUNT_KEY,
  };
  let azurite: RunningAzurite | undefined;
  const ready = (async () => {
    try {
      azurite = await startAzurite({ port });
      try {
        writeFileSync(join(folder, STORAGE_PORT_FILE), String(port), { mode: 0o600 });
      } catch {
        // Only the port's stability is lost.
      }
      await uploadSampleFiles(azurite);
      return {};
    } catch (error) {
      await azurite?.stop();
      azurite = undefined;
      return { notice: failed(error) };
    }
  })();
  return {
    storage: {
      blobEndpoint: account.blobEndpoint,
      seed: sampleStoragePlan(account),
      ready,
      stop: async () => {
        await ready;
        await azurite?.stop();
      },
    },
  };
}

/**
 * The emulator runs inside the app on a loopback port (the last one, when it is free), its
 * datasets in the app's data folder (encrypted), seeded on the first run only so a user's edits
 * survive restarts. With `localStorage`, local Blob Storage runs beside it with the sample files.
 */
export async function startLocalEmulator(
  dataDir: string,
  vault: SecretVault,
  options: LocalEmulatorOptions = {},
): Promise<LocalEmulator> {
  // Imported here, not at the top, so the bundler puts the emulator in a chunk of its own that
  // is loaded only when the built-in connection starts.
  const { startEmulator } = await import('../../emulator/server');
  const key = randomBytes(24).toString('base64url');
  const folder = join(dataDir, 'emulator');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const [dataKey, { storage, notice: storageNotice }] = await Promise.all([
    dataKeyFrom(vault),
    options.localStorage ? startStorage(folder) : Promise.resolve<StorageStart>({}),
  ]);
  const seedStorage = storage?.seed;
  const inMemory = (port: number) =>
    startEmulator({ port, key, seed: true, ...(seedStorage ? { seedStorage } : {}) });
  try {
    if (!dataKey) {
      return builtIn(await onKeptPort(folder, PORT_FILE, inMemory), key, storage, [
        'The Local emulator keeps its datasets in memory for this session only, since nothing on this system can protect their SAS tokens on disk.',
        storageNotice,
      ]);
    }
    const dataFile = join(folder, 'datasets.json');
    try {
      const emulator = await onKeptPort(folder, PORT_FILE, (port) =>
        startEmulator({
          port,
          key,
          dataFile,
          dataCodec: aesGcmCodec(dataKey),
          // The emulator seeds only a file it creates, so deleted samples stay deleted.
          seed: true,
          ...(seedStorage ? { seedStorage } : {}),
        }),
      );
      return builtIn(emulator, key, storage, [storageNotice]);
    } catch (error) {
      // A damaged file must not keep the app from starting; it stays where it is for the user.
      const reason = error instanceof Error ? error.message : String(error);
      return builtIn(await onKeptPort(folder, PORT_FILE, inMemory), key, storage, [
        `The Local emulator could not load its data (${reason}). It runs with sample data in memory for this session.`,
        storageNotice,
      ]);
    }
  } catch (error) {
    await storage?.stop();
    throw error;
  }
}
