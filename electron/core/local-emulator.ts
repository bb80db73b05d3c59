import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator/server';
import { aesGcmCodec } from './at-rest-codec';
import type { SecretVault } from './secrets/secret-vault';

export const LOCAL_EMULATOR_ID = 'local-emulator';
export const LOCAL_EMULATOR_NAME = 'Local emulator';
const DATA_KEY_ID = 'local-emulator:data-key';

export interface LocalEmulator {
  emulator: RunningEmulator;
  /** The built-in connection: its endpoint and key change at every start and are never saved. */
  connection: { id: string; name: string; endpoint: string; key: string };
  notice?: string;
}

/**
 * The key that encrypts the emulator's file: its datasets hold SAS tokens, and the file lies in
 * the user's data folder. Kept in the vault like connection keys; none when the vault cannot
 * keep anything across restarts.
 */
async function dataKeyFrom(vault: SecretVault): Promise<Buffer | undefined> {
  if (!vault.info.persistent) return undefined;
  if (vault.hasSecret(DATA_KEY_ID)) {
    const kept = await vault.getSecret(DATA_KEY_ID);
    if (kept.ok) return Buffer.from(kept.value, 'base64');
  }
  const fresh = randomBytes(32);
  const saved = await vault.setSecret(DATA_KEY_ID, fresh.toString('base64'));
  return saved.ok ? fresh : undefined;
}

function builtIn(emulator: RunningEmulator, key: string, notice?: string): LocalEmulator {
  return {
    emulator,
    connection: { id: LOCAL_EMULATOR_ID, name: LOCAL_EMULATOR_NAME, endpoint: emulator.url, key },
    ...(notice ? { notice } : {}),
  };
}

const PORT_FILE = 'port';

function keptPort(folder: string): number | undefined {
  try {
    const port = Number(readFileSync(join(folder, PORT_FILE), 'utf8').trim());
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
async function onKeptPort(
  folder: string,
  start: (port: number) => Promise<RunningEmulator>,
): Promise<RunningEmulator> {
  const kept = keptPort(folder);
  let emulator: RunningEmulator | undefined;
  if (kept !== undefined) {
    try {
      emulator = await start(kept);
    } catch (error) {
      if (!isPortUnavailable(error)) throw error;
    }
  }
  emulator ??= await start(0);
  try {
    writeFileSync(join(folder, PORT_FILE), new URL(emulator.url).port, { mode: 0o600 });
  } catch {
    // Only the port's stability is lost: the next start picks another free one.
  }
  return emulator;
}

/**
 * The emulator runs inside the app on a loopback port (the last one, when it is free), its
 * datasets in the app's data folder (encrypted), seeded on the first run only so a user's edits
 * survive restarts.
 */
export async function startLocalEmulator(
  dataDir: string,
  vault: SecretVault,
): Promise<LocalEmulator> {
  // Imported here, not at the top, so the bundler puts the emulator in a chunk of its own that
  // is loaded only when the built-in connection starts.
  const { startEmulator } = await import('../../emulator/server');
  const key = randomBytes(24).toString('base64url');
  const folder = join(dataDir, 'emulator');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const dataKey = await dataKeyFrom(vault);
  if (!dataKey) {
    return builtIn(
      await onKeptPort(folder, (port) => startEmulator({ port, key, seed: true })),
      key,
      'The Local emulator keeps its datasets in memory for this session only, since nothing on this system can protect their SAS tokens on disk.',
    );
  }
  const dataFile = join(folder, 'datasets.json');
  try {
    const emulator = await onKeptPort(folder, (port) =>
      startEmulator({
        port,
        key,
        dataFile,
        dataCodec: aesGcmCodec(dataKey),
        // The emulator seeds only a file it creates, so deleted samples stay deleted.
        seed: true,
      }),
    );
    return builtIn(emulator, key);
  } catch (error) {
    // A damaged file must not keep the app from starting; it stays where it is for the user.
    const reason = error instanceof Error ? error.message : String(error);
    return builtIn(
      await onKeptPort(folder, (port) => startEmulator({ port, key, seed: true })),
      key,
      `The Local emulator could not load its data (${reason}). It runs with sample data in memory for this session.`,
    );
  }
}
